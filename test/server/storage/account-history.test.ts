import { evaluate, type CairnEvent, type MeProgress, type Program, type Subject } from '../../../src/core'
import { availableBackends, freshProgram, storageSuite } from './backends'
import { eventsFor } from './events'

const NOW = new Date('2026-03-10T12:00:00.000Z')
const SIGNED_UP = '2026-03-01T09:00:00.000Z'
const TEAM = ['ann', 'bob', 'cid'] as const

/** A personal milestone on `solo` and a team one on `team_task`: only the latter is read from the whole account. */
const teamProgram = (): Program =>
  freshProgram({
    milestones: [
      { id: 'solo', title: 'Solo', category: 'onboarding', criterion: { kind: 'count', event: 'solo', atLeast: 3 } },
      { id: 'team', title: 'Team', category: 'adoption', unit: 'account', celebrate: 'toast', criterion: { kind: 'count', event: 'team_task', atLeast: 2 } },
    ],
    levels: [],
    badges: [],
    signals: undefined,
    suppress: undefined,
    experiment: undefined,
  })

describe.each(availableBackends())('account members sharing one history on $name', (backend) => {
  const suite = storageSuite(backend, { now: () => NOW })

  const allEvents = async (programId: string) =>
    (await suite.storage.query<{ payload: CairnEvent }>('SELECT payload FROM events WHERE program_id = $1', [programId])).map((r) => r.payload)
  const row = async (programId: string, userId: string) =>
    (await suite.storage.query<{ version: number; snapshot: unknown }>('SELECT version, snapshot FROM progress WHERE program_id = $1 AND user_id = $2', [programId, userId]))[0]!
  const member = (userId: string): Subject => ({ userId, accountId: 'acme', signedUpAt: SIGNED_UP })
  /** What `evaluate` says over every stored event that concerns the member. */
  const reference = async (program: Program, userId: string) =>
    evaluate(program, (await allEvents(program.id)).filter((e) => e.userId === userId || e.accountId === 'acme'), { now: NOW, subject: member(userId) })

  it("leaves teammates alone for an account event no account rule reads: not recomputed, rewritten or told", async () => {
    const program = teamProgram()
    const service = await suite.start(program)
    for (const userId of TEAM) await service.upsertSubject(userId, { signedUpAt: SIGNED_UP, accountId: 'acme' })
    const versions = async () => Promise.all(TEAM.map(async (userId) => Number((await row(program.id, userId)).version)))
    const pushed: string[] = []
    const stops = TEAM.map((userId) => service.subscribe(userId, () => pushed.push(userId)))

    const before = await versions()
    await service.ingest(eventsFor('ann', 'solo', 3, { end: NOW, accountId: 'acme' }), { now: NOW })
    const after = await versions()
    // Only Ann's progress moved; Bob's and Cid's rows were not even touched (the old code bumped every member).
    expect(after[0]).toBeGreaterThan(before[0]!)
    expect(after.slice(1)).toEqual(before.slice(1))
    await vi.waitFor(() => expect(pushed).toContain('ann'))
    expect(pushed.filter((userId) => userId !== 'ann')).toEqual([])

    // A team event reaches everyone, and every stored snapshot is what a full evaluation gives.
    await service.ingest(eventsFor('bob', 'team_task', 2, { end: NOW, accountId: 'acme' }), { now: NOW })
    await vi.waitFor(() => expect(new Set(pushed)).toEqual(new Set(TEAM)))
    for (const userId of TEAM) expect((await row(program.id, userId)).snapshot).toEqual(await reference(program, userId))
    const cid = await service.progress('cid', NOW)
    expect(cid.milestones.team).toMatchObject({ state: 'achieved' })
    expect(cid.celebrations.map((c) => c.id)).toEqual(['team:team'])
    stops.forEach((stop) => stop())
  })

  it.each([{}, { evaluatorCacheEvents: 4 }, { evaluatorCacheSize: 2 }])(
    'keeps every member equal to evaluate across batches from two processes, with evictions (%o)',
    async (limits) => {
      const program = teamProgram()
      const [first, second] = [await suite.start(program, limits), await suite.start(program, limits)]
      for (const userId of TEAM) await first.upsertSubject(userId, { signedUpAt: SIGNED_UP, accountId: 'acme' })
      const seen: MeProgress[] = []
      const stop = second.subscribe('cid', (progress) => seen.push(progress))
      for (let round = 0; round < 3; round++) {
        for (const [i, userId] of TEAM.entries()) {
          const service = (round + i) % 2 === 0 ? first : second
          const name = (round + i) % 3 === 0 ? 'solo' : 'team_task'
          await service.ingest(eventsFor(userId, name, 1, { end: NOW, accountId: 'acme', idPrefix: `${userId}-${round}` }), { now: NOW })
        }
      }
      for (const userId of TEAM) {
        const expected = await reference(program, userId)
        expect((await row(program.id, userId)).snapshot).toEqual(expected)
        for (const service of [first, second]) expect((await service.progress(userId, NOW)).milestones).toEqual(expected.milestones)
      }
      stop()
    },
  )
})
