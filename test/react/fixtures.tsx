// Test doubles for the widget: fixed snapshots of the Taskly demo program behind a small in-memory Source.
import { StrictMode, type ProfilerOnRenderCallback, type ReactNode } from 'react'
import { act, render } from '@testing-library/react'
import { vi } from 'vitest'
import type { Source, SourceListener } from '../../src/client'
import { demoProgram, type Benchmarks, type Criterion, type Digest, type MeProgress, type MilestoneProgress, type Program } from '../../src/core'
import { CairnProvider, type CairnProviderProps } from '../../src/react'

export const NOW = '2026-11-20T12:00:00.000Z'
export const program: Program = demoProgram

function targetOf(criterion: Criterion): number {
  if (criterion.kind === 'all' || criterion.kind === 'any') return criterion.of.length
  return criterion.kind === 'tenure' ? criterion.days : criterion.atLeast
}

/**
 * A consistent snapshot: every milestone `available` at 0 unless `changes` says otherwise; level states and
 * counts follow the milestones (a level is locked until the one before it is complete, and its open
 * milestones then show as locked), the way the engine reports them.
 */
export function makeProgress(changes: Record<string, Partial<MilestoneProgress>> = {}, extra: Partial<MeProgress> = {}): MeProgress {
  const milestones: Record<string, MilestoneProgress> = {}
  for (const m of program.milestones) {
    milestones[m.id] = { state: 'available', current: 0, target: targetOf(m.criterion), ...changes[m.id] }
  }
  let previousComplete = true
  const levels = program.levels.map((level) => {
    const counted = level.milestones.filter((id) => !['ineligible', 'missed'].includes(milestones[id]!.state))
    const completed = counted.filter((id) => milestones[id]!.state === 'achieved').length
    const state = !previousComplete ? 'locked' : completed === counted.length ? 'complete' : 'active'
    if (state === 'locked') {
      for (const id of level.milestones) {
        if (['available', 'in_progress'].includes(milestones[id]!.state)) milestones[id] = { ...milestones[id]!, state: 'locked' }
      }
    }
    previousComplete = state === 'complete'
    return { id: level.id, state, completed, total: counted.length } as const
  })
  return {
    programId: program.id,
    programVersion: program.version,
    evaluatedAt: NOW,
    milestones,
    levels,
    badges: [],
    unlockedFeatures: [],
    nextSteps: [],
    celebrations: [],
    ...extra,
  }
}

/** Two of three "Getting started" steps done; five-tasks at 3 / 5. `changes` move individual milestones on from there. */
export const gettingStarted = (changes: Record<string, Partial<MilestoneProgress>> = {}) =>
  makeProgress(
    {
      'first-project': { state: 'achieved', current: 1, achievedAt: '2026-11-18T09:00:00.000Z' },
      'invite-teammate': { state: 'achieved', current: 1, achievedAt: '2026-11-19T09:00:00.000Z' },
      'five-tasks': { state: 'in_progress', current: 3 },
      'three-active-teammates': { state: 'ineligible' },
      ...changes,
    },
    { nextSteps: [{ milestoneId: 'five-tasks', title: 'Add 5 tasks', cta: { label: 'Add a task', href: '/tasks/new' }, reason: 'closest' }] },
  )

export const sampleDigest: Digest = {
  period: 'week',
  from: '2026-11-13T12:00:00.000Z',
  to: NOW,
  achieved: [
    { milestoneId: 'first-project', title: 'Create your first project', doneTitle: 'Created your first project', achievedAt: '2026-11-18T09:00:00.000Z' },
    { milestoneId: 'tasks-sprint', title: 'Finish 3 tasks in a week', achievedAt: '2026-11-19T09:00:00.000Z' },
  ],
  badges: [],
  levelsCompleted: [],
  minutesSaved: 36,
}

export interface FakeSource {
  source: Source
  /** Sends a live snapshot to the widget, as the SSE stream would. */
  push(progress: MeProgress): void
  /** Makes the next loads fail (until `recover`). */
  failLoads(error?: Error): void
  recover(progress?: MeProgress): void
}

/** A Source double returning fixed snapshots; `load` can be made to fail or to hang (`pending`). */
export function createFakeSource(initial: MeProgress | 'pending' = gettingStarted()): FakeSource {
  const listeners = new Set<SourceListener>()
  let snapshot = initial
  let failure: Error | null = null
  const source: Source = {
    load: vi.fn(async () => {
      if (failure) throw failure
      if (snapshot === 'pending') return new Promise<never>(() => {})
      return { program, progress: snapshot }
    }),
    subscribe: vi.fn((listener: SourceListener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }),
    track: vi.fn(async () => {}),
    ackCelebration: vi.fn(async () => {}),
    digest: vi.fn(async () => sampleDigest),
  }
  return {
    source,
    push: (progress) => {
      snapshot = progress
      act(() => listeners.forEach((listener) => listener.progress(progress)))
    },
    failLoads: (error = new Error('network down')) => {
      failure = error
    },
    recover: (progress) => {
      failure = null
      if (progress) snapshot = progress
    },
  }
}

/** Renders `children` inside a real CairnProvider around `fake`, in StrictMode (as hosts often run it) unless `strict: false`. */
export function renderWithProvider(
  children: ReactNode,
  fake: FakeSource = createFakeSource(),
  { strict = true, ...props }: Partial<CairnProviderProps> & { strict?: boolean } = {},
) {
  const tree = (
    <CairnProvider source={fake.source} {...props}>
      {children}
    </CairnProvider>
  )
  const result = render(strict ? <StrictMode>{tree}</StrictMode> : tree)
  return { ...result, fake }
}

/** Benchmarks the card and the badge shelf both have something to say about (rank, next step, a badge's rarity). */
export const sampleBenchmarks: Benchmarks = {
  cohortSize: 120,
  percentile: 80,
  typicalAchievedAtStage: 1,
  stageDays: 5,
  milestones: { 'five-tasks': { achievedShare: 0.3, medianDaysToAchieve: 17 } },
  badges: { organized: { earnedShare: 0.4 } },
}

/** Holds `fake`'s progress responses until the returned `respond` is called, as a slow first request would. */
export function holdFirstResponse(fake: FakeSource): () => void {
  let respond = () => {}
  const answered = new Promise<void>((resolve) => (respond = resolve))
  const load = fake.source.load
  fake.source.load = vi.fn((signal?: AbortSignal) => answered.then(() => load(signal)))
  return respond
}

/** For a `<Profiler onRender>`: which of `probes` (name → selector) were in the document at each commit. */
export function commitLog<Name extends string>(probes: Record<Name, string>) {
  const commits: Record<Name, boolean>[] = []
  const onRender: ProfilerOnRenderCallback = () => {
    const commit = {} as Record<Name, boolean>
    for (const name of Object.keys(probes) as Name[]) commit[name] = document.querySelector(probes[name]) !== null
    commits.push(commit)
  }
  return { commits, onRender }
}
