import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeBenchmarks, createCohortDistribution, type CohortMember, type Program, type Progress, type Subject } from '../../src/core'
import { WaveletMatrix } from '../../src/core/benchmarks/wavelet-matrix'

const HOUR_MS = 60 * 60 * 1000
const NOW = Date.parse('2026-04-01T00:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()

describe('WaveletMatrix', () => {
  it('reads back each value, counts values below a bound and finds the k-th smallest in every prefix, as a sort of the prefix would', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 300 }), { maxLength: 120 }), fc.nat({ max: 310 }), (values, x) => {
        const matrix = new WaveletMatrix(values)
        expect(values.map((_, i) => matrix.access(i))).toEqual(values)
        for (let end = 0; end <= values.length; end++) {
          const prefix = values.slice(0, end).sort((a, b) => a - b)
          expect(matrix.countLess(end, x)).toBe(prefix.filter((v) => v < x).length)
          for (let rank = 0; rank < end; rank++) expect(matrix.kthSmallest(end, rank)).toBe(prefix[rank])
        }
      }),
      { numRuns: 60 },
    )
  })
})

const milestoneIds = ['a', 'b', 'c', 'd']

/** A cohort drawn with many ties: signups and achievements on a coarse hour grid, shared accounts, a few plans. */
const members = fc.array(
  fc.record({
    signupHours: fc.integer({ min: -24 * 60, max: 24 * 5 }),
    user: fc.nat({ max: 40 }),
    account: fc.option(fc.nat({ max: 15 }), { nil: undefined }),
    plan: fc.option(fc.constantFrom('free', 'team', 7), { nil: undefined }),
    states: fc.array(fc.option(fc.oneof(fc.constant('ineligible' as const), fc.integer({ min: -48, max: 24 * 40 })), { nil: undefined }), {
      minLength: milestoneIds.length,
      maxLength: milestoneIds.length,
    }),
  }),
  { maxLength: 60 },
)

type Drawn = typeof members extends fc.Arbitrary<(infer T)[]> ? T : never

function member(drawn: Drawn): CohortMember {
  const signedUp = NOW + drawn.signupHours * HOUR_MS
  const subject: Subject = {
    userId: `user-${drawn.user}`,
    ...(drawn.account !== undefined && { accountId: `account-${drawn.account}` }),
    signedUpAt: iso(signedUp),
    ...(drawn.plan !== undefined && { traits: { plan: drawn.plan } }),
  }
  const milestones: Progress['milestones'] = {}
  drawn.states.forEach((state, i) => {
    const id = milestoneIds[i]!
    if (state === undefined) return
    if (state === 'ineligible') milestones[id] = { state: 'ineligible', current: 0, target: 1 }
    else if (state % 5 === 0) milestones[id] = { state: 'available', current: 0, target: 1 }
    else milestones[id] = { state: 'achieved', current: 1, target: 1, achievedAt: iso(signedUp + state * HOUR_MS) }
  })
  const progress: Progress = {
    programId: 'p', programVersion: '1', evaluatedAt: iso(NOW), milestones, levels: [], badges: [], unlockedFeatures: [], nextSteps: [],
  }
  return { subject, progress }
}

function programWith(segmentBy: string[], minCohort: number): Program {
  return {
    id: 'p',
    version: '1',
    title: 'P',
    milestones: milestoneIds.map((id) => ({ id, title: id, category: 'onboarding' as const, criterion: { kind: 'count' as const, event: id, atLeast: 1 } })),
    levels: [],
    badges: [],
    benchmarks: { segmentBy, minCohort },
  }
}

describe('createCohortDistribution', () => {
  it('answers exactly what computeBenchmarks answers by scanning the cohort (same figures, same key order)', () => {
    fc.assert(
      fc.property(
        members,
        members.filter((list) => list.length > 0),
        fc.boolean(),
        fc.nat({ max: 6 }),
        fc.integer({ min: -24 * 3, max: 24 * 3 }),
        (cohortDrawn, subjectsDrawn, segmented, minCohort, nowShiftHours) => {
          const program = programWith(segmented ? ['plan'] : [], minCohort)
          const cohort = cohortDrawn.map(member)
          const distribution = createCohortDistribution(program, cohort)
          // Subjects both inside the cohort (their own party is left out) and outside it; `now` before and after achievements.
          const now = iso(NOW + nowShiftHours * HOUR_MS)
          for (const asked of [...subjectsDrawn.map(member), ...cohort.slice(0, 5)]) {
            const expected = computeBenchmarks({ program, subject: asked.subject, progress: asked.progress, cohort, now })
            expect(JSON.stringify(distribution.benchmarks(asked.subject, asked.progress, now))).toBe(JSON.stringify(expected))
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
