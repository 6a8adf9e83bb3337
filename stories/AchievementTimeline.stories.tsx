import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { AchievementTimeline } from '../src/react'
import { yearOfHistory } from './fixtures/history'
import { brandNew, valueSummary } from './fixtures/snapshots'
import { inPanelWidth } from './support/panel'
import { apiParameters, componentDocs, playUntilState, waitForElement, waitForText } from './support/story-helpers'

const meta = {
  title: 'Parts/AchievementTimeline',
  component: AchievementTimeline,
  tags: ['autodocs'],
  decorators: [inPanelWidth],
  parameters: {
    ...apiParameters({ progress: yearOfHistory }),
    docs: componentDocs(
      '"Milestones over time" for a customer dashboard: every milestone achieved, level completed and badge earned, grouped by month (a heading and a list per month, dates as `<time dateTime>`). A separate export: pages without it never load it.',
    ),
  },
  argTypes: { order: { control: 'inline-radio', options: ['newest', 'oldest'] } },
  args: { order: 'newest' },
  play: playUntilState('timeline', 'ready'),
} satisfies Meta<typeof AchievementTimeline>
export default meta
type Story = StoryObj<typeof meta>

/** Nothing achieved yet: what will appear here, and no empty list. */
export const Empty: Story = {
  parameters: apiParameters({ progress: brandNew }),
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-timeline][data-state="empty"]', /will appear here, month by month/i, canvasElement)
  },
}

/** Day 20: the first level, its badge and a few steps, in the month they happened. */
export const AFew: Story = {
  parameters: apiParameters({ progress: valueSummary }),
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-timeline-month] h3', /november 2026/i, canvasElement)
    await waitForText('[data-cairn-timeline-entry][data-kind="level"]', /completed getting started/i, canvasElement)
  },
}

/** A year with Taskly: twelve months of levels, badges, steps and both anniversaries, newest first. */
export const AYearOfHistory: Story = {
  play: async ({ canvasElement }) => {
    await playUntilState('timeline', 'ready')({ canvasElement })
    const months = [...canvasElement.querySelectorAll('[data-cairn-timeline-month] h3')].map((heading) => heading.textContent)
    await expect(months[0]).toBe('November 2026')
    await expect(months.at(-1)).toBe('October 2025')
    await waitForText('[data-cairn-timeline-entry="one-year"]', /one year with taskly/i, canvasElement)
  },
}

/** The same year told from the start (`order="oldest"`). */
export const OldestFirst: Story = {
  args: { order: 'oldest' },
  play: async ({ canvasElement }) => {
    const first = await waitForElement('[data-cairn-timeline-month] h3', canvasElement)
    await expect(first).toHaveTextContent('October 2025')
  },
}

/** Dark theme. */
export const Dark: Story = { globals: { theme: 'dark' } }

/** German: month names and days through Intl, entries in German. */
export const German: Story = {
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-timeline-month] h3', /^Oktober 2025$/, canvasElement)
    await waitForText('[data-cairn-timeline-entry][data-kind="badge"]', /Abzeichen/, canvasElement)
  },
}

/** Right to left: the rule and dots sit on the inline start (the right), program titles keep their own direction. */
export const RightToLeft: Story = { globals: { locale: 'ar' } }
