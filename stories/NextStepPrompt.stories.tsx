import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { NextStepPrompt } from '../src/react'
import { almostEverything, brandNew, everything, halfway, levelOneSettled } from './fixtures/snapshots'
import { inPanelWidth } from './support/panel'
import { NothingRenderedNote } from './support/status-note'
import { apiParameters, componentDocs, playUntil, waitForElement, waitForText } from './support/story-helpers'

const meta = {
  title: 'Parts/NextStepPrompt',
  component: NextStepPrompt,
  tags: ['autodocs'],
  decorators: [inPanelWidth],
  parameters: {
    ...apiParameters({ progress: halfway }),
    docs: componentDocs(
      'The one step worth taking now: the engine\'s first `nextSteps` entry (the active level\'s open milestones first, a composite never before its own children; within that, priority, nearest deadline, closeness to done). Its link says "Start" before anything happened on the step and "Continue" once under way; its heading is "Your first step" until something is achieved. A step without a CTA is named without a link. Renders nothing when everything is done.',
    ),
  },
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-next-step="five-tasks"][data-phase="continue"] a[data-cairn-cta]', /^continue/i, canvasElement)
  },
} satisfies Meta<typeof NextStepPrompt>
export default meta
type Story = StoryObj<typeof meta>

/** An hour after signup, nothing done: "Your first step — Create your first project", with "Start". */
export const FirstStep: Story = {
  parameters: apiParameters({ progress: brandNew }),
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-next-step="first-project"][data-phase="start"] a[data-cairn-cta]', /^start/i, canvasElement)
  },
}

/** Day 3: "Add 5 tasks" is at 3 / 5, so its link says "Continue". */
export const WithCta: Story = {}

/** After level 1: "Complete 10 tasks" with "Open your tasks". */
export const AfterLevelOne: Story = {
  parameters: apiParameters({ progress: levelOneSettled }),
  play: playUntil('[data-cairn-next-step="ten-tasks-done"] a[data-cairn-cta]'),
}

/** The habit milestone has no CTA: it is named, without a link. */
export const WithoutCta: Story = {
  parameters: apiParameters({ progress: almostEverything }),
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-next-step]', /check in on 7 different days/i, canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-next-step] [data-cairn-cta]')).toBeNull()
  },
}

/** Everything done: no prompt at all. */
export const NothingLeft: Story = {
  parameters: apiParameters({ progress: everything }),
  render: () => (
    <>
      <NextStepPrompt />
      <NothingRenderedNote why="every milestone is achieved, so there is no next step." />
    </>
  ),
  play: async ({ canvasElement }) => {
    await waitForElement('[data-story-status="ready"]', canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-next-step]')).toBeNull()
  },
}

/** Dark theme: the CTA keeps its contrast on the accent. */
export const Dark: Story = { globals: { theme: 'dark' } }

/** A user in the experiment's holdout (DESIGN §7.6): the part, used on its own, renders nothing. */
export const HeldOut: Story = {
  parameters: apiParameters({ progress: { ...halfway, holdout: true } }),
  render: () => (
    <>
      <NextStepPrompt />
      <NothingRenderedNote why="this user is in the experiment's holdout, who sees no part of the program." />
    </>
  ),
  play: async ({ canvasElement }) => {
    await waitForElement('[data-story-status="ready"]', canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-next-step]')).toBeNull()
  },
}
