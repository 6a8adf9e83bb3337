import type { Program } from '../../../src/core'
import type { CairnService } from '../../../src/server/service-types'
import { availableBackends, freshProgram, storageSuite } from './backends'

const DAY_MS = 24 * 60 * 60 * 1000
const NOW = new Date('2026-03-11T12:00:00.000Z') // a Wednesday
const daysAfter = (start: string, days: number) => new Date(Date.parse(start) + days * DAY_MS).toISOString()

/** Two steps in one level: easy numbers for insights. */
const tinyProgram = (): Program =>
  freshProgram({
    milestones: [
      { id: 'a', title: 'Step A', category: 'onboarding', criterion: { kind: 'count', event: 'did_a', atLeast: 1 } },
      { id: 'b', title: 'Step B', category: 'onboarding', criterion: { kind: 'count', event: 'did_b', atLeast: 1 } },
    ],
    levels: [{ id: 'one', title: 'Level one', milestones: ['a', 'b'] }],
    badges: [],
    benchmarks: { segmentBy: ['plan'], minCohort: 3 },
  })

describe.each(availableBackends())('benchmarks and insights on $name', (backend) => {
  const suite = storageSuite(backend)
  let service: CairnService

  const addAccount = async (userId: string, plan: string, signedUpAt: string, did: { name: string; day: number }[]) => {
    await service.upsertSubject(userId, { signedUpAt, accountId: `acct-${userId}`, traits: { plan } })
    const events = did.map((d, i) => ({ id: `${userId}-${i}`, name: d.name, userId, accountId: `acct-${userId}`, timestamp: daysAfter(signedUpAt, d.day) }))
    if (events.length > 0) await service.ingest(events, { now: NOW })
  }

  it('shows benchmarks only when the segment holds at least minCohort other accounts', async () => {
    service = await suite.start(tinyProgram(), { cohortTtlMs: 0 })
    const signedUp = '2026-02-01T00:00:00.000Z'
    for (let i = 0; i < 3; i++) await addAccount(`team-${i}`, 'team', signedUp, [{ name: 'did_a', day: 1 }])
    for (let i = 0; i < 2; i++) await addAccount(`ent-${i}`, 'enterprise', signedUp, [{ name: 'did_a', day: 1 }])
    await addAccount('me-team', 'team', signedUp, [
      { name: 'did_a', day: 1 },
      { name: 'did_b', day: 2 },
    ])
    await addAccount('me-ent', 'enterprise', signedUp, [])

    const team = await service.progress('me-team', NOW)
    expect(team.benchmarks).toMatchObject({ cohortSize: 3, typicalAchievedAtStage: 1 })
    expect(team.benchmarks?.percentile).toBe(99)
    expect(team.benchmarks?.milestones.b?.achievedShare).toBe(0)
    expect((await service.progress('me-ent', NOW)).benchmarks).toBeUndefined()
  })

  it('tells the widget whether the reader was compared as a team (an account) or on their own (no account)', async () => {
    service = await suite.start(tinyProgram(), { cohortTtlMs: 0 })
    const signedUp = '2026-02-01T00:00:00.000Z'
    for (let i = 0; i < 3; i++) await addAccount(`team-${i}`, 'team', signedUp, [{ name: 'did_a', day: 1 }])
    await addAccount('me-team', 'team', signedUp, [])
    await service.upsertSubject('me-alone', { signedUpAt: signedUp, traits: { plan: 'team' } })
    expect((await service.progress('me-team', NOW)).benchmarks?.comparedAs).toBe('account')
    expect((await service.progress('me-alone', NOW)).benchmarks?.comparedAs).toBe('user')
  })

  it('sees accounts and trait changes written after its first load, by itself or by another process on the same database', async () => {
    const program = tinyProgram()
    service = await suite.start(program, { cohortTtlMs: 0 })
    const signedUp = '2026-02-01T00:00:00.000Z'
    for (let i = 0; i < 2; i++) await addAccount(`team-${i}`, 'team', signedUp, [{ name: 'did_a', day: 1 }])
    await addAccount('me', 'team', signedUp, [])
    expect((await service.progress('me', NOW)).benchmarks).toBeUndefined() // two peers, three needed

    const mine = service
    service = await suite.start(program, { cohortTtlMs: 0 }) // another process
    await addAccount('team-2', 'team', signedUp, [{ name: 'did_a', day: 1 }])
    await addAccount('ent-0', 'enterprise', signedUp, [])
    expect((await mine.progress('me', NOW)).benchmarks).toMatchObject({ cohortSize: 3, typicalAchievedAtStage: 1 })

    // An account moving segment leaves the old one.
    await service.upsertSubject('team-2', { signedUpAt: signedUp, accountId: 'acct-team-2', traits: { plan: 'enterprise' } })
    expect((await mine.progress('me', NOW)).benchmarks).toBeUndefined()
  })

  it('gives no rank to someone who signed up less than a day ago, however much they did', async () => {
    service = await suite.start(tinyProgram(), { cohortTtlMs: 0 })
    for (let i = 0; i < 3; i++) await addAccount(`team-${i}`, 'team', '2026-02-01T00:00:00.000Z', [])
    await addAccount('newcomer', 'team', new Date(NOW.getTime() - 60 * 60_000).toISOString(), [{ name: 'did_a', day: 0.01 }])
    const { benchmarks } = await service.progress('newcomer', NOW)
    expect(benchmarks).toMatchObject({ cohortSize: 3 })
    expect(benchmarks).not.toHaveProperty('percentile')
  })

  it('computes completion, time to achieve, drop-off, missed deadlines and weekly velocity from stored progress', async () => {
    const program = tinyProgram()
    // Outside every level, due 3 days after sign-up: only u1 makes it in time.
    program.milestones.push({ id: 'c', title: 'Step C', category: 'onboarding', criterion: { kind: 'count', event: 'did_c', atLeast: 1 }, deadline: { days: 3 } })
    service = await suite.start(program)
    const monday = '2026-03-02T00:00:00.000Z'
    await addAccount('u1', 'team', monday, [
      { name: 'did_a', day: 2 },
      { name: 'did_b', day: 4 },
      { name: 'did_c', day: 1 },
    ])
    await addAccount('u2', 'team', monday, [{ name: 'did_a', day: 1 }])
    await addAccount('u3', 'team', monday, [{ name: 'did_b', day: 8 }])
    await addAccount('u4', 'team', monday, [])

    const insights = await service.insights(NOW)
    expect(insights.subjects).toBe(4)
    expect(insights.milestones).toEqual([
      { id: 'a', title: 'Step A', levelId: 'one', achieved: 2, eligible: 4, completionRate: 0.5, medianDaysToAchieve: 1.5 },
      { id: 'b', title: 'Step B', levelId: 'one', achieved: 2, eligible: 4, completionRate: 0.5, medianDaysToAchieve: 6 },
      { id: 'c', title: 'Step C', achieved: 1, eligible: 4, missed: 3, completionRate: 0.25, medianDaysToAchieve: 1 },
    ])
    expect(insights.levels).toEqual([
      {
        id: 'one',
        title: 'Level one',
        steps: [
          { milestoneId: 'a', title: 'Step A', reached: 2, dropOff: 0.5 },
          { milestoneId: 'b', title: 'Step B', reached: 2, dropOff: 0.5 },
        ],
      },
    ])
    // The current week is still running on Wednesday: marked partial, counted through now.
    expect(insights.velocity).toEqual([
      { weekStart: '2026-03-02', achieved: 4 },
      { weekStart: '2026-03-09', achieved: 1, partial: true, through: NOW.toISOString() },
    ])
  })
})
