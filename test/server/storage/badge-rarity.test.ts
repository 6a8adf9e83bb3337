import type { Program } from '../../../src/core'
import type { CairnService } from '../../../src/server/service-types'
import { availableBackends, freshProgram, storageSuite } from './backends'

const DAY_MS = 24 * 60 * 60 * 1000
const NOW = new Date('2026-03-11T12:00:00.000Z')
const SIGNED_UP = '2026-02-01T00:00:00.000Z'
const daysAfter = (start: string, days: number) => new Date(Date.parse(start) + days * DAY_MS).toISOString()

/** One level of two steps whose badge is "Finisher"; a cohort of 4 is enough to compare. */
const program = (): Program =>
  freshProgram({
    milestones: [
      { id: 'a', title: 'Step A', category: 'onboarding', criterion: { kind: 'count', event: 'did_a', atLeast: 1 } },
      { id: 'b', title: 'Step B', category: 'onboarding', criterion: { kind: 'count', event: 'did_b', atLeast: 1 } },
    ],
    levels: [{ id: 'one', title: 'Level one', milestones: ['a', 'b'], unlocks: { badge: 'finisher' } }],
    badges: [{ id: 'finisher', title: 'Finisher' }],
    benchmarks: { segmentBy: ['plan'], minCohort: 4 },
  })

describe.each(availableBackends())('badge rarity on $name', (backend) => {
  const suite = storageSuite(backend)
  let service: CairnService

  const addAccount = async (userId: string, plan: string, did: string[], signedUpAt = SIGNED_UP) => {
    await service.upsertSubject(userId, { signedUpAt, accountId: `acct-${userId}`, traits: { plan } })
    const events = did.map((name, i) => ({ id: `${userId}-${i}`, name, userId, accountId: `acct-${userId}`, timestamp: daysAfter(signedUpAt, i + 1) }))
    if (events.length > 0) await service.ingest(events, { now: NOW })
  }

  it('tells each user the share of teams like theirs that earned each badge, from the cohort the other benchmarks use', async () => {
    service = await suite.start(program(), { cohortTtlMs: 0 })
    await addAccount('done-1', 'team', ['did_a', 'did_b'])
    await addAccount('half-1', 'team', ['did_a'])
    await addAccount('half-2', 'team', ['did_a'])
    await addAccount('none-1', 'team', [])
    await addAccount('done-ent', 'enterprise', ['did_a', 'did_b']) // another segment
    await addAccount('me', 'team', ['did_a', 'did_b'])

    const { benchmarks } = await service.progress('me', NOW)
    expect(benchmarks?.cohortSize).toBe(4)
    // My own badge does not count: one of the four other team accounts has earned it.
    expect(benchmarks?.badges).toEqual({ finisher: { earnedShare: 0.25 } })
    expect((await service.progress('half-1', NOW)).benchmarks?.badges).toEqual({ finisher: { earnedShare: 0.5 } })
  })

  it('says nothing about rarity below minCohort', async () => {
    service = await suite.start(program(), { cohortTtlMs: 0 })
    for (const id of ['p1', 'p2', 'p3']) await addAccount(id, 'team', ['did_a', 'did_b'])
    await addAccount('me', 'team', [])
    const { benchmarks } = await service.progress('me', NOW)
    expect(benchmarks).toBeUndefined()
    // One more peer reaches k = 4: rarity and the rest of the benchmarks appear together.
    await addAccount('p4', 'team', [])
    expect((await service.progress('me', NOW)).benchmarks?.badges).toEqual({ finisher: { earnedShare: 0.75 } })
  })
})

describe('badge rarity in the API description', () => {
  it('documents Benchmarks.badges (optional) in the OpenAPI document', async () => {
    const { openApiDocument } = await import('../../../src/server/openapi')
    const schemas = (openApiDocument() as { components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> } }).components.schemas
    const benchmarks = schemas.Benchmarks!
    expect(benchmarks.properties.badges).toMatchObject({ type: 'object', additionalProperties: { properties: { earnedShare: { type: 'number' } } } })
    expect(benchmarks.required ?? []).not.toContain('badges')
  })
})
