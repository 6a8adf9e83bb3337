// fast-check generators for small random programs, subjects and event streams that collide often:
// few names, users, property values and hours, so windows, streaks, dedupe and ties all get exercised.
import fc from 'fast-check'
import type { CairnEvent, Criterion, Level, Milestone, Program, Signal, Subject, Where } from '../../../src/core'

export const BASE_MS = Date.parse('2026-03-05T00:00:00Z')
const HOUR_MS = 60 * 60 * 1000
/** Events and `now` fall within this many hours of BASE_MS (about 40 days, across the March DST change). */
const SPAN_HOURS = 40 * 24

const eventNames = ['a', 'b', 'c'] as const
const scalar = fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constantFrom('x', 'y'), fc.boolean())

const where: fc.Arbitrary<Where> = fc.oneof(
  fc.record({ p: scalar }),
  fc.record({ p: fc.record({ gte: fc.integer({ min: -2, max: 3 }), lte: fc.integer({ min: 0, max: 5 }) }, { requiredKeys: [] }) }),
  fc.record({ p: fc.record({ in: fc.array(fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constantFrom('x', 'y')), { maxLength: 3 }) }) }),
  fc.record({ userId: fc.constantFrom('u1', 'u2') }),
)

const within = fc.option(fc.record({ days: fc.integer({ min: 1, max: 5 }) }), { nil: undefined })
const atLeast = fc.integer({ min: 1, max: 4 })
const optionalWhere = fc.option(where, { nil: undefined })
const name = fc.constantFrom(...eventNames)

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

const leaf: fc.Arbitrary<Criterion> = fc.oneof(
  fc.record({ kind: fc.constant('count' as const), event: name, where: optionalWhere, atLeast, within }).map(withoutUndefined),
  fc
    .record({ kind: fc.constant('sum' as const), event: name, property: fc.constant('p'), where: optionalWhere, atLeast: fc.constantFrom(0.5, 1, 3, 6), within })
    .map(withoutUndefined),
  fc
    .record({ kind: fc.constant('distinct' as const), event: name, property: fc.constantFrom('p', 'userId'), where: optionalWhere, atLeast, within })
    .map(withoutUndefined),
  fc.record({ kind: fc.constant('days' as const), event: name, where: optionalWhere, atLeast, within }).map(withoutUndefined),
  fc.record({ kind: fc.constant('streak' as const), event: name, period: fc.constantFrom('day' as const, 'week' as const), atLeast }),
  fc.record({ kind: fc.constant('tenure' as const), days: fc.integer({ min: 1, max: 10 }), from: fc.constantFrom(undefined, 'start') }).map(withoutUndefined),
)

const signal: fc.Arbitrary<Signal> = fc
  .record({
    unit: fc.constantFrom(undefined, 'user' as const, 'account' as const),
    criterion: fc.oneof(
      fc.record({ kind: fc.constant('inactive' as const), event: fc.constantFrom(undefined, ...eventNames), days: fc.integer({ min: 1, max: 6 }) }).map(withoutUndefined),
      fc
        .record({
          kind: fc.constant('usage_drop' as const),
          event: fc.constantFrom(undefined, ...eventNames),
          days: fc.integer({ min: 1, max: 4 }),
          dropPercent: fc.constantFrom(1, 30, 50, 100),
          minBefore: fc.constantFrom(undefined, 1, 2),
        })
        .map(withoutUndefined),
      fc.record({ kind: fc.constant('stalled' as const), days: fc.integer({ min: 1, max: 6 }) }),
    ),
    eligibility: fc.constantFrom(undefined, { traits: { plan: ['team'] } }),
  })
  .map((shape) => withoutUndefined({ id: 'signal', title: 'Signal', ...shape }) as Signal)

const signalsAndSuppression = fc.record({
  signals: fc.option(fc.array(signal, { maxLength: 3 }).map((list) => list.map((s, i) => ({ ...s, id: `s${i}` }))), { nil: undefined }),
  suppress: fc.option(
    fc.record({ traits: fc.constantFrom(undefined, { plan: ['free'] }), between: fc.constantFrom(undefined, [{ start: 'a', end: 'b' }], [{ start: 'c', end: 'a' }]) }).map(withoutUndefined),
    { nil: undefined },
  ),
})

/** Criterion trees up to depth 3 (depth counts the leaf). */
const criterion: fc.Arbitrary<Criterion> = fc.letrec<{ node: Criterion; depth2: Criterion }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.record({ kind: fc.constantFrom('all' as const, 'any' as const), of: fc.array(tie('depth2'), { minLength: 1, maxLength: 3 }) })),
  depth2: fc.oneof(leaf, fc.record({ kind: fc.constantFrom('all' as const, 'any' as const), of: fc.array(leaf, { minLength: 1, maxLength: 3 }) })),
})).node

const milestoneShape = fc.record({
  criterion,
  unit: fc.constantFrom(undefined, 'user' as const, 'account' as const),
  deadline: fc.option(fc.record({ days: fc.integer({ min: 1, max: 20 }) }), { nil: undefined }),
  eligibility: fc.option(
    fc.oneof(fc.record({ traits: fc.constant<Record<string, string[]>>({ plan: ['team', 'business'] }) }), fc.record({ requiresConsent: fc.constant(true) })),
    { nil: undefined },
  ),
  priority: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  minutes: fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
  hasBadge: fc.boolean(),
  level: fc.integer({ min: -1, max: 2 }),
  category: fc.constantFrom('onboarding' as const, 'growth' as const),
})

export const programs: fc.Arbitrary<Program> = fc.tuple(fc.array(milestoneShape, { minLength: 1, maxLength: 5 }), signalsAndSuppression).map(([shapes, extras]) => {
  const milestones: Milestone[] = shapes.map((shape, i) =>
    withoutUndefined({
      id: `m${i}`,
      title: `Milestone ${i}`,
      category: shape.category,
      criterion: shape.criterion,
      unit: shape.unit,
      deadline: shape.deadline,
      eligibility: shape.eligibility,
      priority: shape.priority,
      badge: shape.hasBadge ? 'earned' : undefined,
      value: shape.minutes !== undefined && shape.criterion.kind !== 'all' && shape.criterion.kind !== 'any' ? { minutesSavedPerUnit: shape.minutes, hourlyRate: 30, currency: 'EUR' } : undefined,
    }),
  )
  const levels: Level[] = [0, 1, 2].map((index) => ({
    id: `l${index}`,
    title: `Level ${index}`,
    milestones: milestones.filter((_, i) => shapes[i]?.level === index).map((m) => m.id),
    unlocks: { badge: `level-${index}`, features: [`feature-${index}`, 'shared'] },
  }))
  const badges = [{ id: 'earned', title: 'Earned' }, ...levels.map((level) => ({ id: `level-${level.id.slice(1)}`, title: level.title }))]
  return withoutUndefined({ id: 'random', version: '1', title: 'Random', milestones, levels, badges, ...extras }) as Program
})

export const subjects: fc.Arbitrary<Subject> = fc
  .record({
    accountId: fc.constantFrom(undefined, 'acme'),
    signupHours: fc.integer({ min: 0, max: 72 }),
    traits: fc.constantFrom<Record<string, string> | undefined>(undefined, { plan: 'team' }, { plan: 'free' }, { plan: 'team', start: '2026-03-01' }, { start: '2026-03-07T13:30:00Z' }, { start: 'soon' }),
    consent: fc.constantFrom(undefined, true, false),
    timeZone: fc.constantFrom(undefined, 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Not/AZone'),
  })
  .map(({ signupHours, ...rest }) => withoutUndefined({ userId: 'u1', signedUpAt: new Date(BASE_MS + signupHours * HOUR_MS).toISOString(), ...rest }))

const eventArbitrary: fc.Arbitrary<CairnEvent> = fc
  .record({
    id: fc.integer({ min: 0, max: 40 }),
    name,
    who: fc.constantFrom(['u1', 'acme'], ['u1', undefined], ['u2', 'acme'], ['u3', 'other']),
    hour: fc.integer({ min: 0, max: SPAN_HOURS }),
    minute: fc.constantFrom(0, 0, 30, 59),
    p: fc.option(scalar, { nil: undefined }),
  })
  .map(({ id, name: eventName, who, hour, minute, p }) =>
    withoutUndefined({
      id: `e${id}`,
      name: eventName,
      userId: who[0] as string,
      accountId: who[1],
      timestamp: new Date(BASE_MS + hour * HOUR_MS + minute * 60_000).toISOString(),
      properties: p === undefined ? undefined : { p },
    }),
  )

export const eventStreams = fc.array(eventArbitrary, { maxLength: 30 })

/** A moment to evaluate at, anywhere in the span (some events fall after it). */
export const moments = fc.integer({ min: 0, max: SPAN_HOURS * 4 }).map((quarter) => new Date(BASE_MS + quarter * 15 * 60_000).toISOString())
