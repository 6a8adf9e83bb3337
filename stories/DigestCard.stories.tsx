import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { DigestCard } from '../src/react'
import { brandNew, levelOneSettled, valueSummary } from './fixtures/snapshots'
import { valueMonth } from './fixtures/digests'
import { inPanelWidth } from './support/panel'
import { apiParameters, componentDocs, playUntilState, waitForElement, waitForText } from './support/story-helpers'

const meta = {
  title: 'Parts/DigestCard',
  component: DigestCard,
  tags: ['autodocs'],
  decorators: [inPanelWidth],
  parameters: {
    ...apiParameters({ progress: levelOneSettled }),
    docs: componentDocs(
      '"This week you: ✅ …" — levels completed, badges earned, milestones achieved and time saved in the period. Collapsed by default and fetched only when first opened, so it costs nothing until wanted.',
    ),
  },
  argTypes: {
    period: { control: 'inline-radio', options: ['week', 'month'] },
    defaultOpen: { control: 'boolean' },
  },
  args: { period: 'week', defaultOpen: true },
  play: playUntilState('digest', 'ready'),
} satisfies Meta<typeof DigestCard>
export default meta
type Story = StoryObj<typeof meta>

/** The week level 1 was finished: the level, its badge and four milestones. */
export const BusyWeek: Story = {}

/** Day 20, the month view: what was accomplished (past-tense titles) and the month's own "Saved 8 hours". */
export const Month: Story = {
  args: { period: 'month' },
  parameters: apiParameters({ progress: valueSummary, digest: () => valueMonth }),
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-digest] li', /created your first project/i, canvasElement)
    await waitForText('[data-cairn-digest] li:last-child', /^saved 8 hours$/i, canvasElement)
  },
}

/** Nothing new this week: one friendly line, no empty list. */
export const QuietWeek: Story = { parameters: apiParameters({ progress: brandNew }) }

/** Collapsed (the default in the widget): only the toggle; opening it loads the digest. */
export const Collapsed: Story = {
  args: { defaultOpen: false },
  play: async ({ canvasElement, userEvent }) => {
    const toggle = await waitForElement('[data-cairn-digest-toggle]', canvasElement)
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await userEvent.click(toggle)
    await playUntilState('digest', 'ready')({ canvasElement })
  },
}

/** Waiting for the digest. */
export const Loading: Story = { parameters: apiParameters({ progress: levelOneSettled, digestStatus: 'loading' }), play: playUntilState('digest', 'loading') }

/** The digest failed to load: a quiet line and "Try again". */
export const Failed: Story = {
  parameters: apiParameters({ progress: levelOneSettled, digestStatus: 'error' }, { http: { retry: { retries: 0 } } }),
  play: playUntilState('digest', 'error'),
}

/** "Try again" after a failure brings the digest in. */
export const FailedThenRetried: Story = {
  parameters: apiParameters({ progress: levelOneSettled, digestStatus: 'error' }, { http: { retry: { retries: 0 } } }),
  play: async ({ canvasElement, userEvent }) => {
    await playUntilState('digest', 'error')({ canvasElement })
    await userEvent.click(await waitForElement('[data-cairn-digest] [data-cairn-retry]', canvasElement))
    await playUntilState('digest', 'ready')({ canvasElement })
  },
}

/** German. */
export const German: Story = { globals: { locale: 'de' } }
