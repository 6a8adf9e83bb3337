import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { ProgressBar } from '../src/react'
import { inPanelWidth } from './support/panel'
import { componentDocs, playUntil, waitForElement } from './support/story-helpers'

const meta = {
  title: 'Parts/ProgressBar',
  component: ProgressBar,
  tags: ['autodocs'],
  decorators: [inPanelWidth],
  parameters: {
    docs: componentDocs(
      'A 6 px rounded bar (`role="progressbar"` with aria values). Accent colour while partial, green when complete. Works on its own, outside the provider. Height: `--cairn-bar-height`; colours: `--cairn-accent`, `--cairn-achieved`, `--cairn-track`.',
    ),
  },
  argTypes: {
    value: { control: { type: 'range', min: 0, max: 12, step: 1 } },
    max: { control: { type: 'number', min: 1 } },
    label: { control: 'text' },
    valueText: { control: 'text' },
  },
  args: { value: 2, max: 3, label: 'Getting started progress', valueText: '2 of 3' },
  play: playUntil('[data-cairn-progress-bar][role="progressbar"]'),
} satisfies Meta<typeof ProgressBar>
export default meta
type Story = StoryObj<typeof meta>

/** Two of three milestones done. */
export const Partial: Story = {}

/** Nothing done yet: an empty track. */
export const Empty: Story = { args: { value: 0, valueText: '0 of 3' } }

/** All done: the fill turns green. */
export const Complete: Story = {
  args: { value: 3, valueText: '3 of 3' },
  play: async ({ canvasElement }) => {
    const bar = await waitForElement('[data-cairn-progress-bar]', canvasElement)
    await expect(bar).toHaveAttribute('data-state', 'complete')
  },
}

/** More than the target ("12 of 10"): the bar stays full and never overflows; aria-valuenow is capped. */
export const Overshoot: Story = {
  args: { value: 12, max: 10, label: 'Tasks completed', valueText: '12 of 10' },
  play: async ({ canvasElement }) => {
    const bar = await waitForElement('[data-cairn-progress-bar]', canvasElement)
    await expect(bar).toHaveAttribute('aria-valuenow', '10')
  },
}

/** Dark theme (toolbar "Theme" does the same for every story). */
export const Dark: Story = { globals: { theme: 'dark' } }
