import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeSuccessMetrics, createSuccessAggregates, RETENTION_WINDOW_DAYS, type CohortMember, type Program, type Progress, type Subject } from '../../../src/core'
import { computeInsights } from '../../../src/server/service'
import { createInsightAggregates } from '../../../src/server/service/insight-aggregates'
import { isoWeekStart } from '../../../src/server/service/insights'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS
const NOW = Date.parse('2026-04-01T00:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()
const ids = ['a', 'b', 'c', 'd', 'x'] // 'x' is in no program: stored progress may hold milestones a version removed

/** A member row drawn coarse, so ties (same day, same week, same median candidates) are common. */
const drawnMember = fc.record({
  user: fc.nat({ max: 12 }),
  account: fc.option(fc.nat({ max: 5 }), { nil: undefined }),
  signupDays: fc.integer({ min: -90, max: 5 }),
  plan: fc.option(fc.constantFrom('free', 'team', 'Zeta', 7), { nil: undefined }),
  states: fc.array(
    fc.option(fc.oneof(fc.constantFrom('ineligible' as const, 'available' as const, 'missed' as const, 'dateless' as const), fc.integer({ min: 0, max: 24 * 90 })), { nil: undefined }),
    { minLength: ids.length, maxLength: ids.length },
  ),
  signals: fc.option(fc.array(fc.tuple(fc.constantFrom('quiet', 'stuck', 'gone'), fc.boolean()), { maxLength: 3 }), { nil: undefined }),
})
type Drawn = typeof drawnMember extends fc.Arbitrary<infer T> ? T : never

function member(drawn: Drawn): CohortMember {
  const signedUp = NOW + drawn.signupDays * DAY_MS + (drawn.user % 3) * 7 * HOUR_MS
  const subject: Subject = {
    userId: `user-${drawn.user}`,
    ...(drawn.account !== undefined && { accountId: `account-${drawn.account}` }),
    signedUpAt: iso(signedUp),
    ...(drawn.plan !== undefined && { traits: { plan: drawn.plan } }),
  }
  const milestones: Progress['milestones'] = {}
  drawn.states.forEach((state, i) => {
    const id = ids[i]!
    if (state === undefined) return
    if (state === 'dateless') milestones[id] = { state: 'achieved', current: 1, target: 1 }
    else if (typeof state === 'string') milestones[id] = { state, current: 0, target: 1 }
    else milestones[id] = { state: 'achieved', current: 1, target: 1, achievedAt: iso(signedUp + state * HOUR_MS) }
  })
  const progress: Progress = {
    programId: 'p', programVersion: '1', evaluatedAt: iso(NOW), milestones, levels: [], badges: [], unlockedFeatures: [], nextSteps: [],
    ...(drawn.signals && { signals: drawn.signals.map(([id, active]) => ({ id, state: active ? ('active' as const) : ('clear' as const) })) }),
  }
  return { subject, progress }
}

const drawnProgram = fc.record({
  deadlines: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  levels: fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'x'), { minLength: 1, maxLength: 4 }), { maxLength: 3 }),
  signals: fc.boolean(),
  segmentBy: fc.option(fc.constantFrom('plan', 'region'), { nil: undefined }),
})

function program(drawn: typeof drawnProgram extends fc.Arbitrary<infer T> ? T : never): Program {
  return {
    id: 'p', version: '1', title: 'P', badges: [],
    milestones: ['a', 'b', 'c', 'd'].map((id, i) => ({
      id, title: `Step ${id}`, category: 'onboarding' as const, criterion: { kind: 'count' as const, event: id, atLeast: 1 },
      ...(drawn.deadlines[i] && { deadline: { days: 7 } }),
    })),
    levels: drawn.levels.map((milestones, i) => ({ id: `level-${i}`, title: `Level ${i}`, milestones })),
    ...(drawn.signals && {
      signals: [
        { id: 'quiet', title: 'Went quiet', criterion: { kind: 'inactive' as const, days: 14 } },
        { id: 'stuck', title: 'Stuck', criterion: { kind: 'stalled' as const, days: 30 } },
      ],
    }),
    ...(drawn.segmentBy !== undefined && { benchmarks: { segmentBy: [drawn.segmentBy] } }),
  }
}

const byUserId = (rows: Iterable<CohortMember>) => [...rows].sort((a, b) => (a.subject.userId < b.subject.userId ? -1 : a.subject.userId > b.subject.userId ? 1 : 0))

describe('incrementally kept insights', () => {
  it('answer the same JSON as scanning the cohort, loaded in bulk and through member updates (account moves included) and a moving now', () => {
    fc.assert(
      fc.property(
        drawnProgram,
        fc.array(fc.tuple(drawnMember, fc.integer({ min: -10, max: 60 }), fc.boolean(), fc.boolean()), { maxLength: 40 }),
        fc.array(fc.tuple(drawnMember, fc.boolean()), { maxLength: 20 }),
        (programDrawn, updates, initial) => {
          const p = program(programDrawn)
          const insights = createInsightAggregates(p)
          const success = createSuccessAggregates(p)
          const rows = new Map<string, CohortMember>()
          /** Users with an event in days 29–56 after their signup, as the events would say. */
          const windowUsers = new Set<string>()
          // What the retention query answers at `now`: units with such a user who is at least 56 days old.
          const retainedUnits = (cohort: readonly CohortMember[], now: Date) =>
            new Set(
              cohort
                .filter((m) => windowUsers.has(m.subject.userId) && Date.parse(m.subject.signedUpAt) <= now.getTime() - RETENTION_WINDOW_DAYS[1] * DAY_MS)
                .map((m) => m.subject.accountId ?? m.subject.userId),
            )
          // A first cohort loaded in bulk (one row per user), then changed row by row.
          const loader = insights.load()
          const successLoader = success.load()
          for (const [drawn, windowEvents] of initial) {
            const row = member(drawn)
            if (rows.has(row.subject.userId)) continue
            rows.set(row.subject.userId, row)
            if (windowEvents) windowUsers.add(row.subject.userId)
            loader.add(row)
            successLoader.add(row, windowEvents)
          }
          for (const step of [...loader.finish(), ...successLoader.finish()]) step()
          const first = new Date(NOW)
          expect(JSON.stringify(insights.read(first))).toBe(JSON.stringify(computeInsights(p, byUserId(rows.values()), first)))
          const firstCohort = byUserId(rows.values())
          expect(JSON.stringify(success.read(first))).toBe(JSON.stringify(computeSuccessMetrics(p, firstCohort, retainedUnits(firstCohort, first), first)))
          for (const [drawn, nowShiftDays, onTheDay, windowEvents] of updates) {
            const next = member(drawn)
            const known = rows.get(next.subject.userId)
            if (known) insights.remove(known)
            insights.add(next)
            success.set(next, windowEvents)
            rows.set(next.subject.userId, next)
            if (windowEvents) windowUsers.add(next.subject.userId)
            else windowUsers.delete(next.subject.userId)

            // Whole days after NOW meet tenure boundaries (30 days, 56 days) exactly; the odd minutes fall between them.
            const now = new Date(NOW + nowShiftDays * DAY_MS + (onTheDay ? 0 : nowShiftDays * 37 * 60_000))
            const cohort = byUserId(rows.values())
            expect(JSON.stringify(insights.read(now))).toBe(JSON.stringify(computeInsights(p, cohort, now)))
            expect(JSON.stringify(success.read(now))).toBe(JSON.stringify(computeSuccessMetrics(p, cohort, retainedUnits(cohort, now), now)))
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('isoWeekStart', () => {
  it('is the Monday 00:00 UTC on or before the moment, before 1970 too', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4e12, max: 4e12 }), (ms) => {
        const start = isoWeekStart(ms)
        expect(new Date(start).getUTCDay()).toBe(1)
        expect(Math.abs(start % DAY_MS)).toBe(0)
        expect(ms - start).toBeGreaterThanOrEqual(0)
        expect(ms - start).toBeLessThan(7 * DAY_MS)
      }),
    )
  })
})
