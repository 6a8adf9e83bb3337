import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { NextStepPrompt } from '../src/react'
import { almostEverything, everything, halfway, levelOneSettled } from './fixtures/snapshots'
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
      'The one step worth taking now (the engine\'s first `nextSteps` entry: priority, then nearest deadline, then closeness to done). With a CTA it is a button-styled link; without one it reads "Next up: …". Renders nothing when everything is done.',
    ),
  },
  play: playUntil('[data-cairn-next-step="finish-setup"] a[data-cairn-cta]'),
} satisfies Meta<typeof NextStepPrompt>
export default meta
type Story = StoryObj<typeof meta>

/** Day 3: "Finish setting up in your first week" with "Pick up where you left off". */
export const WithCta: Story = {}

/** After level 1: "Complete 10 tasks" with "Open your tasks". */
export const AfterLevelOne: Story = {
  parameters: apiParameters({ progress: levelOneSettled }),
  play: playUntil('[data-cairn-next-step="ten-tasks-done"] a[data-cairn-cta]'),
}

/** The habit milestone has no CTA: "Next up: Check in on 7 different days". */
export const WithoutCta: Story = {
  parameters: apiParameters({ progress: almostEverything }),
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-next-step]', /next up: check in on 7 different days/i, canvasElement)
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
