import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { BenchmarkCard } from '../src/react'
import { behindBenchmarks, typicalBenchmarks } from './fixtures/benchmarks'
import { meProgress, progressOf } from './fixtures/snapshots'
import { storySubject, valueEvents } from './fixtures/events'
import { inPanelWidth } from './support/panel'
import { NothingRenderedNote } from './support/status-note'
import { apiParameters, componentDocs, waitForElement, waitForText } from './support/story-helpers'

const dayTwenty = progressOf(valueEvents, storySubject(20))

const meta = {
  title: 'Parts/BenchmarkCard',
  component: BenchmarkCard,
  tags: ['autodocs'],
  decorators: [inPanelWidth],
  parameters: {
    ...apiParameters({ progress: meProgress(dayTwenty, { benchmarks: typicalBenchmarks }) }),
    docs: componentDocs(
      'How the user compares with teams like theirs (same plan, same stage). The API leaves benchmarks out when the cohort is smaller than the program\'s `minCohort` (10), and then the card is not rendered at all. Below the median the ranking line is dropped: it would discourage more than motivate.',
    ),
  },
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-benchmark="percentile"]', /ahead of 80%/i, canvasElement)
  },
} satisfies Meta<typeof BenchmarkCard>
export default meta
type Story = StoryObj<typeof meta>

/** Ahead of 80% of 240 teams, when the next step is usually done, and the stage comparison. */
export const AheadOfMostTeams: Story = {}

/** Behind the median: no ranking, only the neutral "teams like yours usually…" lines. */
export const BehindTheMedian: Story = {
  parameters: apiParameters({ progress: meProgress(dayTwenty, { benchmarks: behindBenchmarks }) }),
  play: async ({ canvasElement }) => {
    await waitForElement('[data-cairn-benchmark="stage"]', canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-benchmark="percentile"]')).toBeNull()
  },
}

/** Cohort below the minimum: the API sends no benchmarks, and the card is not rendered. */
export const SuppressedForSmallCohort: Story = {
  parameters: apiParameters({ progress: meProgress(dayTwenty) }),
  render: () => (
    <>
      <BenchmarkCard />
      <NothingRenderedNote why="the cohort is too small to compare against." />
    </>
  ),
  play: async ({ canvasElement }) => {
    await waitForElement('[data-story-status="ready"]', canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-benchmark-card]')).toBeNull()
  },
}

/** German. */
export const German: Story = {
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-benchmark="percentile"]', /80 %/, canvasElement)
  },
}
