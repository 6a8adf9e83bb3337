import { describe, expect, it } from 'vitest'
import {
  DEFAULT_MIN_COHORT,
  computeBenchmarks,
  median,
  percentileAmong,
  type CohortMember,
  type Program,
  type Progress,
  type Subject,
} from '../../src/core'

const DAY_MS = 24 * 60 * 60 * 1000
const NOW = Date.parse('2026-04-01T00:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()

const program: Program = {
  id: 'bench',
  version: '1',
  title: 'Bench',
  milestones: [
    { id: 'a', title: 'A', category: 'onboarding', criterion: { kind: 'count', event: 'a', atLeast: 1 } },
    { id: 'b', title: 'B', category: 'adoption', criterion: { kind: 'count', event: 'b', atLeast: 1 } },
    { id: 'c', title: 'C', category: 'growth', criterion: { kind: 'count', event: 'c', atLeast: 1 }, eligibility: { traits: { plan: ['team'] } } },
  ],
  levels: [],
  badges: [],
  benchmarks: { segmentBy: ['plan'] },
}

interface Spec {
  /** Days between signup and `NOW`. */
  age?: number
  plan?: string
  /** Milestone id → days after signup it was achieved. */
  achievedOnDay?: Record<string, number>
  ineligible?: string[]
}

let nextId = 0
function person(spec: Spec, ids: { userId?: string; accountId?: string } = {}): CohortMember {
  const n = nextId++
  const signedUp = NOW - (spec.age ?? 30) * DAY_MS
  const subject: Subject = {
    userId: ids.userId ?? `user-${n}`,
    accountId: ids.accountId ?? `account-${n}`,
    signedUpAt: iso(signedUp),
    traits: { plan: spec.plan ?? 'team' },
  }
  const milestones: Progress['milestones'] = {}
  for (const m of program.milestones) {
    const day = spec.achievedOnDay?.[m.id]
    if (spec.ineligible?.includes(m.id)) milestones[m.id] = { state: 'ineligible', current: 0, target: 1 }
    else if (day === undefined) milestones[m.id] = { state: 'available', current: 0, target: 1 }
    else milestones[m.id] = { state: 'achieved', current: 1, target: 1, achievedAt: iso(signedUp + day * DAY_MS) }
  }
  const progress: Progress = {
    programId: program.id,
    programVersion: program.version,
    evaluatedAt: iso(NOW),
    milestones,
    levels: [],
    badges: [],
    unlockedFeatures: [],
    nextSteps: [],
  }
  return { subject, progress }
}

const many = (count: number, spec: Spec) => Array.from({ length: count }, () => person(spec))

function benchmarksFor(me: CohortMember, cohort: CohortMember[], overrides: Partial<Program> = {}) {
  return computeBenchmarks({ program: { ...program, ...overrides }, subject: me.subject, progress: me.progress, cohort, now: iso(NOW) })
}

describe('percentileAmong', () => {
  it('counts the cohort strictly below plus half of the ties', () => {
    expect(percentileAmong(5, [1, 2, 3, 5, 8])).toBe(70)
  })

  it('puts a subject tied with everyone in the middle', () => {
    expect(percentileAmong(2, [2, 2, 2, 2])).toBe(50)
  })

  it('reaches 0 and 100 only when strictly below or above everyone', () => {
    expect(percentileAmong(0, [1, 2, 3])).toBe(0)
    expect(percentileAmong(4, [1, 2, 3])).toBe(100)
  })

  it('rounds to a whole percent', () => {
    expect(percentileAmong(1, [0, 0, 2])).toBe(67)
  })

  it('returns 0 for an empty cohort', () => {
    expect(percentileAmong(3, [])).toBe(0)
  })
})

describe('median', () => {
  it('takes the middle of an odd list regardless of order', () => {
    expect(median([9, 1, 4])).toBe(4)
  })

  it('averages the two middle values of an even list', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('is undefined for an empty list', () => {
    expect(median([])).toBeUndefined()
  })

  it('leaves its input untouched', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })
})

describe('computeBenchmarks', () => {
  it('uses a minimum cohort of 10 by default', () => {
    expect(DEFAULT_MIN_COHORT).toBe(10)
  })

  it('is withheld when only 9 comparable accounts exist', () => {
    expect(benchmarksFor(person({}), many(9, {}))).toBeUndefined()
  })

  it('is shown once 10 comparable accounts exist', () => {
    expect(benchmarksFor(person({}), many(10, {}))?.cohortSize).toBe(10)
  })

  it("follows the program's own minCohort", () => {
    const overrides = { benchmarks: { segmentBy: ['plan'], minCohort: 3 } }
    expect(benchmarksFor(person({}), many(2, {}), overrides)).toBeUndefined()
    expect(benchmarksFor(person({}), many(3, {}), overrides)?.cohortSize).toBe(3)
  })

  it('compares only with accounts in the same segment', () => {
    const me = person({ plan: 'team', achievedOnDay: { a: 1 } })
    const cohort = [...many(10, { plan: 'team' }), ...many(10, { plan: 'free', achievedOnDay: { a: 1, b: 1 } })]
    expect(benchmarksFor(me, cohort)).toMatchObject({ cohortSize: 10, percentile: 99, typicalAchievedAtStage: 0 })
  })

  it('does not count 9 in-segment accounts as enough because others exist in another segment', () => {
    expect(benchmarksFor(person({ plan: 'team' }), [...many(9, { plan: 'team' }), ...many(5, { plan: 'free' })])).toBeUndefined()
  })

  it('ignores segments when the program sets none', () => {
    const cohort = [...many(5, { plan: 'team' }), ...many(5, { plan: 'free' })]
    expect(benchmarksFor(person({ plan: 'team' }), cohort, { benchmarks: undefined })?.cohortSize).toBe(10)
  })

  it("never compares the subject with its own account or with itself", () => {
    const me = person({}, { userId: 'me', accountId: 'acme' })
    const teammate = person({}, { userId: 'teammate', accountId: 'acme' })
    expect(benchmarksFor(me, [me, teammate, ...many(9, {})])).toBeUndefined()
    expect(benchmarksFor(me, [me, teammate, ...many(10, {})])?.cohortSize).toBe(10)
  })

  it('says how the subject was compared: as its account when it has one, else as a person on their own', () => {
    expect(benchmarksFor(person({}, { accountId: 'acme' }), many(10, {}))?.comparedAs).toBe('account')
    const loner = person({})
    delete loner.subject.accountId
    expect(benchmarksFor(loner, many(10, {}))?.comparedAs).toBe('user')
  })

  it("judges peers by what they had achieved at the subject's stage, not by what they have today", () => {
    // I am 3 days in with one milestone; peers are 30 days in and got A on day 1, B on day 10.
    const me = person({ age: 3, achievedOnDay: { a: 2 } })
    const result = benchmarksFor(me, many(10, { age: 30, achievedOnDay: { a: 1, b: 10 } }))
    expect(result).toMatchObject({ percentile: 50, typicalAchievedAtStage: 1 })
    expect(result?.milestones.b).toEqual({ achievedShare: 0, medianDaysToAchieve: 10 })
  })

  it('leaves out peers that have not yet been around as long as the subject', () => {
    const me = person({ age: 20 })
    expect(benchmarksFor(me, [...many(9, { age: 30 }), ...many(5, { age: 10 })])).toBeUndefined()
    expect(benchmarksFor(me, [...many(10, { age: 20 }), ...many(5, { age: 19 })])?.cohortSize).toBe(10)
  })

  it('reports the typical achieved count as the median of the cohort at stage', () => {
    const cohort = [...many(4, {}), ...many(3, { achievedOnDay: { a: 1 } }), ...many(3, { achievedOnDay: { a: 1, b: 2, c: 3 } })]
    expect(benchmarksFor(person({ achievedOnDay: { a: 1, b: 1 } }), cohort)).toMatchObject({ typicalAchievedAtStage: 1, percentile: 70 })
  })

  it('reports per milestone the share that achieved it at stage and the median days it took', () => {
    const cohort = [
      ...many(4, { achievedOnDay: { a: 1 } }),
      ...many(4, { achievedOnDay: { a: 3 } }),
      ...many(2, {}),
    ]
    expect(benchmarksFor(person({}), cohort)?.milestones).toEqual({
      a: { achievedShare: 0.8, medianDaysToAchieve: 2 },
      b: { achievedShare: 0, medianDaysToAchieve: null },
      c: { achievedShare: 0, medianDaysToAchieve: null },
    })
  })

  it('leaves peers for whom a milestone is ineligible out of its share', () => {
    const cohort = [...many(5, { achievedOnDay: { c: 2.25 } }), ...many(5, { ineligible: ['c'] })]
    expect(benchmarksFor(person({}), cohort)?.milestones.c).toEqual({ achievedShare: 1, medianDaysToAchieve: 2.3 })
  })

  it('does not count the subject’s ineligible milestones as achieved', () => {
    const me = person({ achievedOnDay: { a: 1 } })
    me.progress.milestones.b = { state: 'ineligible', current: 1, target: 1, achievedAt: iso(NOW - DAY_MS) }
    expect(benchmarksFor(me, many(10, { achievedOnDay: { a: 1 } }))?.percentile).toBe(50)
  })

  it('ranks by mid-rank share: strictly behind plus half of the ties', () => {
    // 4 peers behind me, 4 level with me, 2 ahead: (4 + 4 / 2) / 10.
    const cohort = [...many(4, {}), ...many(4, { achievedOnDay: { a: 1 } }), ...many(2, { achievedOnDay: { a: 1, b: 1 } })]
    expect(benchmarksFor(person({ achievedOnDay: { a: 2 } }), cohort)?.percentile).toBe(60)
  })

  it('never claims to be ahead of everyone or behind everyone: the rank stays within 1–99', () => {
    expect(benchmarksFor(person({ achievedOnDay: { a: 1, b: 1 } }), many(10, {}))?.percentile).toBe(99)
    expect(benchmarksFor(person({}), many(10, { achievedOnDay: { a: 1 } }))?.percentile).toBe(1)
  })

  it('gives no rank in the first 24 hours after signup, when one click would move it across the cohort', () => {
    const oneClickIn = person({ age: 0.01, achievedOnDay: { a: 0.005 } })
    const early = benchmarksFor(oneClickIn, many(10, {}))
    expect(early).toBeDefined()
    expect(early).not.toHaveProperty('percentile')
    expect(benchmarksFor(person({ age: 1, achievedOnDay: { a: 0.5 } }), many(10, {}))?.percentile).toBe(99)
  })

  it('reports the stage it compared at, in days since signup', () => {
    expect(benchmarksFor(person({ age: 3.25 }), many(10, {}))?.stageDays).toBe(3.2)
  })

  it('accepts now as a Date', () => {
    const me = person({})
    const result = computeBenchmarks({ program, subject: me.subject, progress: me.progress, cohort: many(10, {}), now: new Date(NOW) })
    expect(result?.cohortSize).toBe(10)
  })
})
