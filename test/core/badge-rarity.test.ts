import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_MIN_COHORT,
  badgeRarityPercent,
  computeBenchmarks,
  createBadgeRarityIndex,
  type CohortMember,
  type Program,
  type Subject,
} from '../../src/core'

const DAY_MS = 24 * 60 * 60 * 1000
const NOW = Date.parse('2026-04-01T00:00:00.000Z')
const iso = (ms: number) => new Date(ms).toISOString()

const program: Program = {
  id: 'rarity',
  version: '1',
  title: 'Rarity',
  milestones: [{ id: 'a', title: 'A', category: 'onboarding', criterion: { kind: 'count', event: 'a', atLeast: 1 } }],
  levels: [],
  badges: [
    { id: 'starter', title: 'Starter' },
    { id: 'rare', title: 'Rare' },
  ],
  benchmarks: { segmentBy: ['plan'] },
}

interface Spec {
  /** Days between signup and NOW. */
  age: number
  plan?: string
  badges?: string[]
  accountId?: string
}

let nextId = 0
function member({ age, plan = 'team', badges = [], accountId }: Spec): CohortMember {
  const id = `u${nextId++}`
  const subject: Subject = { userId: id, accountId: accountId ?? `acct-${id}`, signedUpAt: iso(NOW - age * DAY_MS), traits: { plan } }
  return {
    subject,
    progress: {
      programId: program.id,
      programVersion: program.version,
      evaluatedAt: iso(NOW),
      milestones: { a: { state: 'available', current: 0, target: 1 } },
      levels: [],
      badges: badges.map((badge) => ({ id: badge, earnedAt: iso(NOW - DAY_MS) })),
      unlockedFeatures: [],
      nextSteps: [],
    },
  }
}

const many = (count: number, spec: Spec) => Array.from({ length: count }, () => member(spec))
const me: Subject = { userId: 'me', accountId: 'my-account', signedUpAt: iso(NOW - 30 * DAY_MS), traits: { plan: 'team' } }

describe('badge rarity (createBadgeRarityIndex)', () => {
  it('is the share of peers that earned each badge', () => {
    const cohort = [...many(3, { age: 60, badges: ['starter', 'rare'] }), ...many(9, { age: 60, badges: ['starter'] }), ...many(13, { age: 60 })]
    expect(createBadgeRarityIndex(program, cohort).shares(me, iso(NOW))).toEqual({ starter: { earnedShare: 12 / 25 }, rare: { earnedShare: 3 / 25 } })
  })

  it('says nothing below k: one peer short of minCohort hides every badge, at minCohort they show', () => {
    const peers = many(DEFAULT_MIN_COHORT - 1, { age: 60, badges: ['starter'] })
    expect(createBadgeRarityIndex(program, peers).shares(me, iso(NOW))).toBeUndefined()
    const enough = [...peers, member({ age: 60 })]
    expect(createBadgeRarityIndex(program, enough).shares(me, iso(NOW))).toEqual({
      starter: { earnedShare: (DEFAULT_MIN_COHORT - 1) / DEFAULT_MIN_COHORT },
      rare: { earnedShare: 0 },
    })
  })

  it("follows the program's minCohort", () => {
    const strict: Program = { ...program, benchmarks: { segmentBy: ['plan'], minCohort: 20 } }
    expect(createBadgeRarityIndex(strict, many(19, { age: 60 })).shares(me, iso(NOW))).toBeUndefined()
    expect(createBadgeRarityIndex(strict, many(20, { age: 60 })).shares(me, iso(NOW))).toBeDefined()
  })

  it('counts only peers in the same segment that have reached the subject’s stage, never the subject’s own account', () => {
    const cohort = [
      ...many(10, { age: 60, badges: ['rare'] }),
      ...many(10, { age: 60, plan: 'free', badges: ['starter'] }), // another segment
      ...many(10, { age: 5, badges: ['starter'] }), // signed up after the subject: not at its stage yet
      member({ age: 90, accountId: 'my-account', badges: ['starter'] }), // a teammate
    ]
    expect(createBadgeRarityIndex(program, cohort).shares(me, iso(NOW))).toEqual({ starter: { earnedShare: 0 }, rare: { earnedShare: 1 } })
    // Leaving out the subject's own account can take the cohort below k.
    const nine = [...many(9, { age: 60 }), member({ age: 60, accountId: 'my-account' })]
    expect(createBadgeRarityIndex(program, nine).shares(me, iso(NOW))).toBeUndefined()
  })

  it('uses the same peers as computeBenchmarks (same cohort, same k) for any cohort', () => {
    const specs = fc.record({
      age: fc.integer({ min: 0, max: 120 }),
      plan: fc.constantFrom('team', 'free'),
      badges: fc.subarray(['starter', 'rare']),
      mine: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(specs, { maxLength: 40 }), fc.integer({ min: 0, max: 120 }), (list, myAge) => {
        const cohort = list.map(({ mine, ...spec }) => member({ ...spec, ...(mine && { accountId: 'my-account' }) }))
        const subject = { ...me, signedUpAt: iso(NOW - myAge * DAY_MS) }
        const progress = cohort[0]?.progress ?? member({ age: 0 }).progress
        const benchmarks = computeBenchmarks({ program, subject, progress, cohort, now: iso(NOW) })
        const rarity = createBadgeRarityIndex(program, cohort).shares(subject, iso(NOW))
        expect(rarity === undefined).toBe(benchmarks === undefined)
        if (!rarity || !benchmarks) return
        // The reference: a scan over the same peers computeBenchmarks compares with.
        const peers = cohort.filter(
          (m) =>
            m.subject.accountId !== 'my-account' &&
            m.subject.traits?.plan === 'team' &&
            Date.parse(m.subject.signedUpAt) <= Date.parse(subject.signedUpAt),
        )
        expect(peers.length).toBe(benchmarks.cohortSize)
        for (const badge of ['starter', 'rare']) {
          expect(rarity[badge]!.earnedShare).toBeCloseTo(peers.filter((m) => m.progress.badges.some((b) => b.id === badge)).length / peers.length, 12)
        }
      }),
    )
  })
})

describe('badgeRarityPercent: what "Earned by N% of teams like yours" may say', () => {
  it('rounds to a whole percent', () => {
    expect(badgeRarityPercent(0.12)).toBe(12)
    expect(badgeRarityPercent(0.125)).toBe(13)
    expect(badgeRarityPercent(0.124)).toBe(12)
    expect(badgeRarityPercent(1 / 3)).toBe(33)
    expect(badgeRarityPercent(0.005)).toBe(1)
  })

  it('says nothing when nobody, or fewer than 0.5%, earned it (0% would be false, and is no news)', () => {
    expect(badgeRarityPercent(0)).toBeUndefined()
    expect(badgeRarityPercent(0.004)).toBeUndefined()
    expect(badgeRarityPercent(undefined)).toBeUndefined()
    expect(badgeRarityPercent(Number.NaN)).toBeUndefined()
  })

  it('says 100% only when every peer has it', () => {
    expect(badgeRarityPercent(0.996)).toBe(99)
    expect(badgeRarityPercent(1)).toBe(100)
  })
})
