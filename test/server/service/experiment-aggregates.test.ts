import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CohortMember, Experiment, Program, Progress, Subject } from '../../../src/core'
import type { SubjectAssignment } from '../../../src/server/service/assignments'
import { createExperimentAggregates } from '../../../src/server/service/experiment-aggregates'
import { computeExperimentInsights } from '../../../src/server/service/experiment-insights'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS
const NOW = Date.parse('2026-04-01T00:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()

const drawnMember = fc.record({
  user: fc.nat({ max: 10 }),
  account: fc.option(fc.nat({ max: 4 }), { nil: undefined }),
  signupDays: fc.integer({ min: -40, max: 2 }),
  // Hours after signup each of a, b, c was achieved (none when undefined); the level is complete when it says so.
  achieved: fc.array(fc.option(fc.integer({ min: 0, max: 24 * 20 }), { nil: undefined }), { minLength: 3, maxLength: 3 }),
  levelComplete: fc.boolean(),
})
type Drawn = typeof drawnMember extends fc.Arbitrary<infer T> ? T : never

function member(drawn: Drawn): CohortMember {
  const signedUp = NOW + drawn.signupDays * DAY_MS + (drawn.user % 2) * 5 * HOUR_MS
  const subject: Subject = { userId: `user-${drawn.user}`, ...(drawn.account !== undefined && { accountId: `account-${drawn.account}` }), signedUpAt: iso(signedUp) }
  const milestones: Progress['milestones'] = {}
  drawn.achieved.forEach((hours, i) => {
    milestones['abc'[i]!] =
      hours === undefined ? { state: 'available', current: 0, target: 1 } : { state: 'achieved', current: 1, target: 1, achievedAt: iso(signedUp + hours * HOUR_MS) }
  })
  const progress: Progress = {
    programId: 'p', programVersion: '1', evaluatedAt: iso(NOW), milestones, badges: [], unlockedFeatures: [], nextSteps: [],
    levels: [{ id: 'start', state: drawn.levelComplete ? 'complete' : 'active', completed: 0, total: 2 }],
  }
  return { subject, progress }
}

const drawnProgram = fc.record({ byLevel: fc.boolean(), withinDays: fc.integer({ min: 1, max: 10 }), holdoutPercent: fc.constantFrom(0, 10, 50), variants: fc.boolean() })

function program(drawn: typeof drawnProgram extends fc.Arbitrary<infer T> ? T : never): Program & { experiment: Experiment } {
  return {
    id: 'p', version: '1', title: 'P', badges: [],
    milestones: ['a', 'b', 'c'].map((id) => ({
      id, title: id, category: 'onboarding' as const, criterion: { kind: 'count' as const, event: id, atLeast: 1 },
      ...(drawn.variants && id !== 'a' && { variants: [{ id: `${id}-low`, weight: 1, atLeast: 1 }, { id: `${id}-high`, weight: 1, atLeast: 3 }] }),
    })) as Program['milestones'],
    levels: [{ id: 'start', title: 'Start', milestones: ['a', 'b'] }],
    experiment: {
      id: 'exp', holdoutPercent: drawn.holdoutPercent,
      metric: drawn.byLevel ? { levelId: 'start', withinDays: drawn.withinDays } : { milestoneId: 'c', withinDays: drawn.withinDays },
    },
  }
}

/** A unit's recorded assignment: holdout or a variant per milestone (one id no longer in the program); none at all for some. */
const drawnAssignment = fc.option(
  fc.record({ holdout: fc.boolean(), b: fc.constantFrom('b-low', 'b-high', 'b-gone'), c: fc.constantFrom('c-low', 'c-high') }),
  { nil: undefined, freq: 6 },
)

describe('incrementally kept experiment insights', () => {
  it('answer the same JSON as scanning the cohort, through member updates and a moving now', () => {
    fc.assert(
      fc.property(
        drawnProgram,
        fc.dictionary(fc.constantFrom(...[0, 1, 2, 3, 4].map((i) => `account-${i}`), ...Array.from({ length: 11 }, (_, i) => `user-${i}`)), drawnAssignment),
        fc.array(fc.tuple(drawnMember, fc.integer({ min: -5, max: 30 }), fc.boolean()), { maxLength: 40 }),
        (programDrawn, unitAssignments, updates) => {
          const p = program(programDrawn)
          const assignmentOf = (row: CohortMember): SubjectAssignment | undefined => {
            const drawn = unitAssignments[row.subject.accountId ?? row.subject.userId]
            return drawn && { holdout: drawn.holdout, variants: p.milestones.some((m) => m.variants) ? { b: drawn.b, c: drawn.c } : {} }
          }
          const aggregates = createExperimentAggregates(p)
          const rows = new Map<string, CohortMember>()
          for (const [drawn, nowShiftDays, onTheHour] of updates) {
            const next = member(drawn)
            aggregates.set(next, assignmentOf(next))
            rows.set(next.subject.userId, next)
            const now = new Date(NOW + nowShiftDays * DAY_MS + (onTheHour ? 0 : 17 * 60_000))
            const cohort = [...rows.values()]
            const assignments = new Map(cohort.flatMap((row) => (assignmentOf(row) ? [[row.subject.userId, assignmentOf(row)!] as const] : [])))
            expect(JSON.stringify(aggregates.read(now))).toBe(JSON.stringify(computeExperimentInsights(p, cohort, assignments, now)))
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
