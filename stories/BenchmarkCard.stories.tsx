import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect } from 'storybook/test'
import { BenchmarkCard } from '../src/react'
import { behindBenchmarks, firstHourBenchmarks, typicalBenchmarks, typicalWeekAheadBenchmarks, withoutAccountBenchmarks } from './fixtures/benchmarks'
import { brandNew, meProgress, progressOf } from './fixtures/snapshots'
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
      'How the user compares with teams like theirs (same plan, same stage) — or with people like them when they have no account (`benchmarks.comparedAs: "user"`). Every line must be true and new to the reader: the rank ("top 20%") only when the user has done more than the typical team, never in the first 24 h, never finer than the cohort allows; the typical week of the next step only while that week is still ahead; the stage comparison unless nobody has done anything. With nothing honest to say — or a cohort below the program\'s `minCohort` (10) — the card is not rendered at all.',
    ),
  },
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-benchmark="top"]', /top 20%/i, canvasElement)
  },
} satisfies Meta<typeof BenchmarkCard>
export default meta
type Story = StoryObj<typeof meta>

/** Day 20, ahead of the typical team: "top 20%" and the stage comparison. The next step's typical week (week 2) has passed, so it is not mentioned. */
export const AheadOfMostTeams: Story = {
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-benchmark="top"]', /top 20%/i, canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-benchmark="typical-week"]')).toBeNull()
  },
}

/** The next step is usually done in week 5 and the user is in week 3: worth saying. */
export const TypicalWeekStillAhead: Story = {
  parameters: apiParameters({ progress: meProgress(dayTwenty, { benchmarks: typicalWeekAheadBenchmarks }) }),
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-benchmark="typical-week"]', /who do this get there by week 5/i, canvasElement)
  },
}

/** Behind the typical team: no ranking, only the stage comparison. */
export const BehindTheMedian: Story = {
  parameters: apiParameters({ progress: meProgress(dayTwenty, { benchmarks: behindBenchmarks }) }),
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-benchmark="stage"]', /typically completed 8 steps/i, canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-benchmark="top"]')).toBeNull()
  },
}

/** An hour after signup, nothing done by anyone yet: nothing honest to say, so nothing is rendered. */
export const NothingToSayYet: Story = {
  parameters: apiParameters({ progress: { ...brandNew, benchmarks: firstHourBenchmarks } }),
  render: () => (
    <>
      <BenchmarkCard />
      <NothingRenderedNote why="an hour in, no rank is shown and nobody at this stage has done anything yet." />
    </>
  ),
  play: async ({ canvasElement }) => {
    await waitForElement('[data-story-status="ready"]', canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-benchmark-card]')).toBeNull()
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
    await waitForText('[data-cairn-benchmark="top"]', /20 %/, canvasElement)
  },
}

/** A user with no account is compared as a person on their own (`comparedAs: "user"`): "people like you", never "teams". */
export const WithoutAnAccount: Story = {
  parameters: apiParameters({ progress: meProgress(dayTwenty, { benchmarks: withoutAccountBenchmarks }) }),
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-benchmark="top"]', /top 20% of people like you/i, canvasElement)
    await waitForText('[data-cairn-benchmark="stage"]', /at your stage, people have/i, canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-benchmark-card]')).not.toHaveTextContent(/team/i)
  },
}

/** Without an account, in German: "Leute wie du". */
export const WithoutAnAccountGerman: Story = {
  parameters: apiParameters({ progress: meProgress(dayTwenty, { benchmarks: withoutAccountBenchmarks }) }),
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-benchmark="top"]', /20 % der Leute wie du/, canvasElement)
  },
}

/** A user in the experiment's holdout (DESIGN §7.6): the card, used on its own, renders nothing. */
export const HeldOut: Story = {
  parameters: apiParameters({ progress: { ...meProgress(dayTwenty, { benchmarks: typicalBenchmarks }), holdout: true } }),
  render: () => (
    <>
      <BenchmarkCard />
      <NothingRenderedNote why="this user is in the experiment's holdout, who sees no part of the program." />
    </>
  ),
  play: async ({ canvasElement }) => {
    await waitForElement('[data-story-status="ready"]', canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-benchmark-card]')).toBeNull()
  },
}
