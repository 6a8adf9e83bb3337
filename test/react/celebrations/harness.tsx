// Test harness for the celebration layer: a fake Source behind the real CairnProvider (which mounts the one
// layer), fixtures, and a controllable prefers-reduced-motion media query.
import { StrictMode, type ReactNode } from 'react'
import { render } from '@testing-library/react'
import type { Source, SourceListener } from '../../../src/client'
import type { Celebration, MeProgress, Program } from '../../../src/core'
import { CairnProvider, CelebrationLayer, type CairnProviderProps, type CelebrationLayerProps } from '../../../src/react'

const count = (event: string) => ({ kind: 'count' as const, event, atLeast: 1 })

export const program: Program = {
  id: 'demo',
  version: '1',
  title: 'Demo',
  milestones: [
    { id: 'create-project', title: 'Create a project', category: 'onboarding', criterion: count('project_created') },
    { id: 'invite-teammate', title: 'Invite a teammate', category: 'growth', criterion: count('invite_sent') },
    { id: 'first-report', title: 'Generate a report', category: 'value', criterion: count('report_generated') },
    {
      id: 'connect-data', title: 'Connect a data source', category: 'adoption', criterion: count('source_connected'),
      cta: { label: 'See your data', href: '/data' },
    },
  ],
  levels: [
    {
      id: 'getting-started',
      title: 'Getting started',
      milestones: ['create-project', 'invite-teammate'],
      unlocks: {
        badge: 'team-player',
        features: [{ id: 'shared-dashboards', label: 'Shared dashboards' }, 'internal-flag'],
        message: 'Your team is set up — nice work.',
      },
    },
    { id: 'power-user', title: 'Power user', milestones: ['first-report', 'connect-data'] },
  ],
  badges: [{ id: 'team-player', title: 'Team player', description: 'You brought your team along.', icon: '🤝' }],
}

const AT = '2026-03-02T10:00:00.000Z'

/** A level-up (style confetti), as the core policy creates it. */
export function levelCelebration(refId = 'getting-started', achievedAt = AT): Celebration {
  const level = program.levels.find((l) => l.id === refId)!
  return {
    id: `level:${refId}`, kind: 'level', refId, title: level.title, style: 'confetti', priority: 0, achievedAt,
    ...(level.unlocks?.message ? { message: level.unlocks.message } : {}),
  }
}

/** A milestone achievement shown as a toast unless `style` says otherwise. */
export function milestoneCelebration(refId: string, style: Celebration['style'] = 'toast', priority = 0): Celebration {
  const milestone = program.milestones.find((m) => m.id === refId)!
  return { id: `milestone:${refId}`, kind: 'milestone', refId, title: milestone.title, style, priority, achievedAt: AT }
}

/** A badge earned at the same instant as `levelCelebration()` (so the policy folds it into the dialog). */
export function badgeCelebration(refId = 'team-player', achievedAt = AT): Celebration {
  const badge = program.badges.find((b) => b.id === refId)!
  return {
    id: `badge:${refId}`, kind: 'badge', refId, title: badge.title, style: 'toast', priority: 0, achievedAt,
    ...(badge.description ? { message: badge.description } : {}),
  }
}

/**
 * A Source that remembers acknowledgements like the API does: an acknowledged celebration is never
 * served again, so a fresh provider over the same source behaves like a page reload.
 */
export function createFakeSource(initial: Celebration[] = []) {
  const acked = new Set<string>()
  const ackCalls: string[] = []
  let celebrations = [...initial]
  let listener: SourceListener | null = null
  let version = 0

  const progress = (): MeProgress => ({
    programId: program.id,
    programVersion: program.version,
    // Strictly increasing: the store drops snapshots older than the one it holds.
    evaluatedAt: new Date(Date.UTC(2026, 2, 2, 10, 0, version++)).toISOString(),
    milestones: {},
    levels: [],
    badges: [],
    unlockedFeatures: [],
    nextSteps: [],
    celebrations: celebrations.filter((c) => !acked.has(c.id)),
  })

  const source: Source = {
    load: async () => ({ program, progress: progress() }),
    subscribe(next) {
      listener = next
      return () => {
        listener = null
      }
    },
    track: async () => {},
    async ackCelebration(id) {
      ackCalls.push(id)
      acked.add(id)
    },
    digest: async () => {
      throw new Error('not used in these tests')
    },
  }

  return {
    source,
    /** Every id the widget acknowledged, in order (duplicates kept, so "exactly once" is checkable). */
    ackCalls,
    /** New achievements arrive through live updates. */
    achieve(...list: Celebration[]) {
      celebrations = [...celebrations, ...list]
      listener?.progress(progress())
    },
  }
}

export type FakeSource = ReturnType<typeof createFakeSource>

interface RenderOptions extends CelebrationLayerProps {
  onEvent?: (name: string, properties: object) => void
  /** Provider props besides the source: the celebration policy, `celebrations={false}`… */
  provider?: Partial<Omit<CairnProviderProps, 'source' | 'children'>>
  strict?: boolean
  children?: ReactNode
}

/** Renders the real provider over `fake` (it mounts the celebration layer) with a `<CelebrationLayer>` setting its look. */
export function renderLayer(fake: FakeSource, { onEvent, provider, strict = false, children, ...layer }: RenderOptions = {}) {
  const tree = (
    <CairnProvider source={fake.source} {...(onEvent ? { onEvent } : {})} {...provider}>
      {children}
      <CelebrationLayer {...layer} />
    </CairnProvider>
  )
  return render(strict ? <StrictMode>{tree}</StrictMode> : tree)
}

/**
 * Installs a `matchMedia` whose `(prefers-reduced-motion: reduce)` answer can be flipped at runtime,
 * firing `change` like a browser does. Other queries never match.
 */
export function installReducedMotion(initial = false) {
  let reduce = initial
  const listeners = new Set<(event: MediaQueryListEvent) => void>()
  const isReducedMotion = (query: string) => query.includes('prefers-reduced-motion: reduce')
  const matchMedia = (query: string): MediaQueryList =>
    ({
      media: query,
      get matches() {
        return isReducedMotion(query) && reduce
      },
      onchange: null,
      addEventListener: (_type: string, fn: (event: MediaQueryListEvent) => void) => isReducedMotion(query) && listeners.add(fn),
      removeEventListener: (_type: string, fn: (event: MediaQueryListEvent) => void) => listeners.delete(fn),
      addListener: (fn: (event: MediaQueryListEvent) => void) => isReducedMotion(query) && listeners.add(fn),
      removeListener: (fn: (event: MediaQueryListEvent) => void) => listeners.delete(fn),
      dispatchEvent: () => true,
    }) as unknown as MediaQueryList
  const original = window.matchMedia
  window.matchMedia = matchMedia
  return {
    set(value: boolean) {
      reduce = value
      for (const fn of [...listeners]) fn({ matches: value, media: '(prefers-reduced-motion: reduce)' } as MediaQueryListEvent)
    },
    restore() {
      window.matchMedia = original
    },
  }
}

/**
 * Per-test reduced-motion control: installs the flippable `matchMedia` before each test (motion allowed) and
 * restores the real one after, optionally with fake timers that still advance on their own.
 */
export function useReducedMotionPerTest(options: { fakeTimers?: boolean } = {}) {
  let media: ReturnType<typeof installReducedMotion> | undefined
  beforeEach(() => {
    if (options.fakeTimers) vi.useFakeTimers({ shouldAdvanceTime: true })
    media = installReducedMotion(false)
  })
  afterEach(() => {
    if (options.fakeTimers) vi.useRealTimers()
    media?.restore()
  })
  return {
    /** Flips the preference and fires `change`, like a user toggling the OS setting. */
    set: (value: boolean) => media?.set(value),
  }
}
