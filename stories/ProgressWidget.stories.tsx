import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor } from 'storybook/test'
import { ProgressWidget } from '../src/react'
import { evaluate } from '../src/core'
import { NOW, halfwayEvents, storySubject } from './fixtures/events'
import { longProgram } from './fixtures/long-program'
import { almostEverything, brandNew, dueSoon, everything, freePlan, halfway, later, levelOneDone, levelUpPending, meProgress, missedDeadline, valueSummary, withBenchmarks } from './fixtures/snapshots'
import { createLiveStream } from './support/live-stream'
import { apiParameters, componentDocs, waitForCelebrationDialog, waitForElement, waitForText, waitForWidget } from './support/story-helpers'

const meta = {
  title: 'Widget/ProgressWidget',
  component: ProgressWidget,
  tags: ['autodocs'],
  parameters: {
    ...apiParameters(),
    docs: componentDocs(
      'The drop-in panel: where you stand (ring and current level), what you have saved, the one next step, the leveled checklist, badges, how you compare, and the weekly digest. Celebrations pop over the page.',
    ),
  },
  argTypes: {
    showBadges: { control: 'boolean', description: 'Show the badge shelf' },
    showBenchmarks: { control: 'boolean', description: 'Show the benchmark card (hidden anyway without benchmarks)' },
    digest: { control: 'inline-radio', options: ['week', 'month', false], description: 'Digest period, or none' },
  },
  args: { showBadges: true, showBenchmarks: true, digest: 'week' },
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
  },
} satisfies Meta<typeof ProgressWidget>
export default meta
type Story = StoryObj<typeof meta>

/** Celebration stories render in their own frame on the docs page, so the dialog covers only that frame. */
const ownFrame = { docs: { story: { inline: false, iframeHeight: 720 } } }

/** Signed up an hour ago: level 1 open, "Finish setting up" due in a week, nothing done yet. */
export const BrandNewUser: Story = { parameters: apiParameters({ progress: brandNew }) }

/**
 * Day 3: one of three in level 1, "Add 5 tasks" at 3 / 5. Every link and button here is at least 24 × 24 px on
 * its own (WCAG 2.5.8 without the spacing exception).
 */
export const HalfwayThroughLevelOne: Story = {
  parameters: apiParameters({ progress: halfway }),
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
    await waitForElement('[data-cairn-milestone] a[data-cairn-cta]', canvasElement)
    const targets = [...canvasElement.querySelectorAll('[data-cairn-widget] :is(a, button)')]
    await expect(targets.length).toBeGreaterThan(3)
    const small = targets.flatMap((target) => {
      const { width, height } = target.getBoundingClientRect()
      return width < 24 || height < 24 ? [`${target.textContent?.trim()} (${Math.round(width)}×${Math.round(height)})`] : []
    })
    await expect(small).toEqual([])
  },
}

/** Day 6: "Finish setting up" is due tomorrow, so it turns amber. */
export const DueSoon: Story = { parameters: apiParameters({ progress: dueSoon }) }

/** Level 1 just completed: the level-up dialog (badge, unlocked features, next step) and the rest merged into toasts. */
export const LevelOneJustCompleted: Story = {
  parameters: { ...apiParameters({ progress: levelOneDone }), ...ownFrame },
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
    await waitForCelebrationDialog(/level complete: getting started/i)
  },
}

/** Every level, milestone and badge done: calm, all green, no next step. */
export const EverythingComplete: Story = { parameters: apiParameters({ progress: everything }) }

/** Day 10: "Finish setting up in your first week" was missed; the row offers a catch-up instead of scolding. */
export const MissedDeadlineWithCatchUp: Story = {
  parameters: apiParameters({ progress: missedDeadline }),
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
    await waitForText('[data-cairn-milestone="finish-setup"][data-state="missed"]', /you can still catch up/i, canvasElement)
  },
}

/** A free-plan user: "Get 3 teammates active" (team plans only) is not shown at all. */
export const IneligibleMilestonesHidden: Story = {
  parameters: apiParameters({ progress: freePlan }),
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-milestone="three-active-teammates"]')).toBeNull()
  },
}

/** A cohort of 240 teams: "You're in the top 20% of teams like yours". */
export const WithBenchmarks: Story = {
  parameters: apiParameters({ progress: withBenchmarks }),
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
    await waitForText('[data-cairn-benchmark="top"]', /top 20%/i, canvasElement)
  },
}

/** The cohort is below the minimum (10), so the API sends no benchmarks and the card is left out. */
export const BenchmarksSuppressedForSmallCohort: Story = {
  parameters: apiParameters({ progress: valueSummary }),
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-benchmark-card]')).toBeNull()
  },
}

/** Day 20: "You've saved 8 hours — worth $480". */
export const ValueSummary: Story = {
  parameters: apiParameters({ progress: valueSummary }),
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
    await waitForText('[data-cairn-value]', /saved 8 hours/i, canvasElement)
  },
}

/** Only the 7-day habit is left, and it has no call to action: the prompt names it, with no link. */
export const NextStepWithoutCta: Story = {
  parameters: apiParameters({ progress: almostEverything }),
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
    await waitForText('[data-cairn-next-step]', /check in on 7 different days/i, canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-next-step] [data-cairn-cta]')).toBeNull()
  },
}

/** The first snapshot never arrives: a quiet skeleton (the panel is `aria-busy`). */
export const Loading: Story = {
  parameters: apiParameters({ neverRespond: true }),
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-widget][data-status="loading"]', /loading your progress/i, canvasElement)
  },
}

/** The API is down and there is nothing to show yet: one quiet line and a retry, never a broken page. */
export const ApiDown: Story = {
  parameters: apiParameters({ failProgress: Infinity, streamDown: true }, { http: { retry: { retries: 0 } } }),
  play: async ({ canvasElement }) => {
    await waitForText('[data-cairn-notice="error"]', /couldn't load your progress/i, canvasElement)
  },
}

/** The first load fails; "Try again" brings the progress in. */
export const ApiDownThenRecovering: Story = {
  parameters: apiParameters({ failProgress: 1, progress: halfway }, { http: { retry: { retries: 0 } } }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(await waitForElement('[data-cairn-notice="error"] [data-cairn-retry]', canvasElement))
    await waitForWidget(canvasElement)
  },
}

/**
 * Live updates broke after a good load (the stream fails, and so does every refresh): the last progress
 * stays, with a quiet note and a retry.
 */
export const RefreshFailedShowsLastProgress: Story = {
  parameters: apiParameters({ failRefresh: true, streamDown: true, progress: halfway }, { http: { retry: { retries: 0 }, pollIntervalMs: 60_000 } }),
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
    await waitForText('[data-cairn-notice="stale"]', /couldn't refresh/i, canvasElement)
  },
}

/** Long titles everywhere and eleven milestones in level 1: rows wrap, nothing overflows the panel. */
export const LongTitlesAndManyMilestones: Story = {
  parameters: apiParameters({ program: longProgram, progress: meProgress(evaluate(longProgram, halfwayEvents, { now: NOW, subject: storySubject(3) })) }),
}

/** The layout mirrored for right-to-left languages (strings stay English until Arabic messages exist). */
export const RightToLeft: Story = {
  globals: { locale: 'ar' },
  parameters: apiParameters({ progress: withBenchmarks }),
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
    await expect(canvasElement.querySelector('[data-cairn-widget]')).toHaveAttribute('dir', 'rtl')
  },
}

/** German strings, numbers and dates. */
export const German: Story = {
  globals: { locale: 'de' },
  parameters: apiParameters({ progress: withBenchmarks }),
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
    await waitForText('[data-cairn-title]', /^Dein Fortschritt$/, canvasElement)
  },
}

/** Dark theme: same contrast (≥ 4.5:1) on a dark page. */
export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  parameters: apiParameters({ progress: withBenchmarks }),
}

/** Reduced motion: the level-up dialog fades in without scaling and without confetti. */
export const ReducedMotion: Story = {
  globals: { motion: 'reduce' },
  parameters: { ...apiParameters({ progress: levelUpPending }), ...ownFrame },
  play: async ({ canvasElement }) => {
    await waitForWidget(canvasElement)
    await waitForCelebrationDialog(/level complete: getting started/i)
    await waitFor(() => expect(window.matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true))
  },
}

// Live updates for the story below: the button (or the play function) pushes the next snapshot down the stream.
const live = createLiveStream()

/** Live update over server-sent events: the teammate accepts, tasks land, level 1 completes while you watch. */
export const LiveUpdate: Story = {
  parameters: { ...apiParameters({ progress: halfway, live }), ...ownFrame },
  render: (args) => (
    <div style={{ display: 'grid', gap: 16, justifyItems: 'start' }}>
      <button type="button" data-story-action="push" onClick={() => live.push(later(levelOneDone))}>
        Simulate: two tasks added and a teammate invited
      </button>
      <ProgressWidget {...args} />
    </div>
  ),
  play: async ({ canvasElement, userEvent }) => {
    await waitForWidget(canvasElement)
    await waitFor(() => expect(live.connections).toBeGreaterThan(0))
    await userEvent.click(canvasElement.querySelector<HTMLElement>('[data-story-action="push"]')!)
    await waitForElement('[data-cairn-milestone="invite-teammate"][data-state="achieved"]', canvasElement)
    await waitForCelebrationDialog(/level complete: getting started/i)
  },
}
