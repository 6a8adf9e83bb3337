import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { ProgressRing } from '../src/react'
import { componentDocs, playUntil, waitForElement } from './support/story-helpers'

const meta = {
  title: 'Parts/ProgressRing',
  component: ProgressRing,
  tags: ['autodocs'],
  parameters: {
    docs: componentDocs(
      'A circular progress indicator, used in the widget header (44 px) and on the floating launcher (30 px). With a `label` it is a `progressbar`; without one it is decorative (`aria-hidden`) for places where text beside it already says the same.',
    ),
  },
  argTypes: {
    value: { control: { type: 'range', min: 0, max: 14, step: 1 } },
    max: { control: { type: 'number', min: 1 } },
    size: { control: { type: 'range', min: 24, max: 120, step: 2 } },
    thickness: { control: { type: 'range', min: 2, max: 12, step: 1 } },
    label: { control: 'text' },
    valueText: { control: 'text' },
  },
  args: { value: 5, max: 14, size: 44, thickness: 4, label: 'Overall progress', valueText: '5 of 14' },
  play: playUntil('[data-cairn-progress-ring][role="progressbar"]'),
} satisfies Meta<typeof ProgressRing>
export default meta
type Story = StoryObj<typeof meta>

/** Five of fourteen milestones done. */
export const Partial: Story = {}

/** Everything done: the ring closes and turns green. */
export const Complete: Story = {
  args: { value: 14, valueText: '14 of 14' },
  play: async ({ canvasElement }) => {
    const ring = await waitForElement('[data-cairn-progress-ring]', canvasElement)
    await expect(ring).toHaveAttribute('data-state', 'complete')
  },
}

/** A count in the middle, at a larger size. */
export const WithCount: Story = {
  args: { size: 72, thickness: 6, children: '5/14' },
}

/** Without a label the ring is decorative and hidden from screen readers. */
export const Decorative: Story = {
  args: { label: undefined, valueText: undefined, size: 30, thickness: 3 },
  play: async ({ canvasElement }) => {
    const ring = await waitForElement('[data-cairn-progress-ring]', canvasElement)
    await expect(ring).toHaveAttribute('aria-hidden', 'true')
  },
}

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } }
