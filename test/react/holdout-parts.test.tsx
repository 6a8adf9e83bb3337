import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { MeProgress } from '../../src/core'
import {
  AchievementTimeline,
  BadgeShelf,
  BenchmarkCard,
  DigestCard,
  LevelChecklist,
  MilestoneRow,
  NextStepPrompt,
  SignalNudge,
  ValueSummary,
} from '../../src/react'
import type { RiskNudge } from '../../src/store'
import { createFakeSource, gettingStarted, renderWithProvider, sampleBenchmarks } from './fixtures'

/** A snapshot every part has something to show for: a badge, benchmarks, a next step, time saved. */
const full = (extra: Partial<MeProgress> = {}): MeProgress => ({
  ...gettingStarted(),
  badges: [{ id: 'organized', earnedAt: '2026-11-18T09:00:00.000Z' }],
  value: { minutesSaved: 90 },
  benchmarks: sampleBenchmarks,
  ...extra,
})

const nudge: RiskNudge = {
  signalId: 'went-quiet',
  kind: 'inactive',
  since: '2026-11-10T00:00:00.000Z',
  goal: { kind: 'next_level', remaining: 1 },
  step: { milestoneId: 'five-tasks', title: 'Add 5 tasks', reason: 'closest' },
}

/** Every part exported for use on its own, as a host composes them on its own pages. */
const parts = (
  <>
    <p>Host content</p>
    <NextStepPrompt />
    <SignalNudge nudge={nudge} />
    <BenchmarkCard />
    <ValueSummary />
    <LevelChecklist />
    <LevelChecklist.Root>
      <LevelChecklist.Level id="getting-started" />
    </LevelChecklist.Root>
    <LevelChecklist.Level id="getting-started" />
    <MilestoneRow id="five-tasks" />
    <BadgeShelf />
    <DigestCard defaultOpen />
    <AchievementTimeline />
  </>
)

/** Anything of Cairn's in the document: a part's root or any element carrying a data-cairn-* hook. */
const cairnElements = () =>
  [...document.body.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('data-cairn-')))

describe('parts used on their own, for the experiment holdout (DESIGN §7.6)', () => {
  it('show their content outside the holdout (so the next test proves something)', async () => {
    renderWithProvider(parts, createFakeSource(full()))
    await waitFor(() => expect(document.querySelector('[data-cairn-badge="organized"]')).toBeInTheDocument())
    for (const hook of ['data-cairn-next-step', 'data-cairn-signal-nudge', 'data-cairn-value', 'data-cairn-level-list', 'data-cairn-level', 'data-cairn-milestone', 'data-cairn-badge-shelf', 'data-cairn-digest']) {
      expect(document.querySelector(`[${hook}]`), hook).toBeInTheDocument()
    }
    await waitFor(() => expect(document.querySelector('[data-cairn-benchmark-card]')).toBeInTheDocument())
  })

  it('render nothing at all for a subject in the holdout, and fetch no digest', async () => {
    const fake = createFakeSource(full({ holdout: true }))
    renderWithProvider(parts, fake)
    await waitFor(() => expect(fake.source.load).toHaveBeenCalled())
    await waitFor(() => expect(cairnElements()).toEqual([]))
    expect(screen.getByText('Host content')).toBeInTheDocument()
    expect(fake.source.digest).not.toHaveBeenCalled()
  })

  it('disappear when a live snapshot places the subject in the holdout', async () => {
    const fake = createFakeSource(full())
    renderWithProvider(parts, fake)
    await waitFor(() => expect(document.querySelector('[data-cairn-badge="organized"]')).toBeInTheDocument())
    fake.push(full({ holdout: true, evaluatedAt: '2026-11-20T12:01:00.000Z' }))
    await waitFor(() => expect(cairnElements()).toEqual([]))
  })
})
