// Concurrent ingest on real Postgres: deadlocks are avoided (keys in one order) and, when one happens anyway,
// the transaction runs again instead of failing the batch.
import { createService } from '../../../src/server/service'
import { openStorage, type Storage } from '../../../src/server/storage'
import { dropSchema, freshProgram, POSTGRES_URL, uniqueSchema } from '../storage/backends'

const NOW = new Date('2026-03-10T12:00:00.000Z')

describe.runIf(POSTGRES_URL)('concurrent writers on Postgres', () => {
  const schema = uniqueSchema()
  let storage: Storage
  beforeAll(async () => {
    storage = await openStorage({ databaseUrl: POSTGRES_URL!, schema })
    await storage.query('CREATE TABLE deadlock_probe (id int PRIMARY KEY, n int NOT NULL)')
    await storage.query('INSERT INTO deadlock_probe VALUES (1, 0), (2, 0)')
  })
  afterAll(async () => {
    await storage.close()
    await dropSchema(POSTGRES_URL!, schema)
  })

  it('runs a transaction that lost a real deadlock again, so both writers commit', async () => {
    // Each transaction locks one row, waits until the other holds its row, then wants the other's: a deadlock.
    const holding = [deferred(), deferred()]
    const committed = [deferred(), deferred()]
    const attempts = [0, 0]
    const writer = (mine: 0 | 1) =>
      storage
        .transaction(async (tx) => {
          attempts[mine] = (attempts[mine] ?? 0) + 1
          // The loser's retry starts once the other writer committed. Started at once, it can update its first row
          // again before the survivor — woken by the abort but not yet run, on a busy machine — has re-checked that
          // row: the survivor then waits for the retry, the retry for the survivor's first row, and they deadlock again.
          if (attempts[mine]! > 1) await committed[1 - mine]!.promise
          await tx.query('UPDATE deadlock_probe SET n = n + 1 WHERE id = $1', [mine + 1])
          holding[mine]!.resolve()
          await holding[1 - mine]!.promise
          await tx.query('UPDATE deadlock_probe SET n = n + 1 WHERE id = $1', [2 - mine])
        })
        .then(() => committed[mine]!.resolve())
    await Promise.all([writer(0), writer(1)])
    expect(attempts[0]! + attempts[1]!).toBe(3) // Postgres aborted exactly one of them once
    expect(await storage.query('SELECT id, n FROM deadlock_probe ORDER BY id')).toEqual([{ id: 1, n: 2 }, { id: 2, n: 2 }])
  })

  it('stores every batch when many arrive at once for the same new users in different orders', async () => {
    const program = freshProgram()
    const services = await Promise.all([0, 1].map(() => createService({ program, storage: { ...storage, close: async () => {} }, now: () => NOW })))
    const users = Array.from({ length: 30 }, (_, i) => `u${i}`)
    const batches = Array.from({ length: 24 }, (_, b) =>
      shuffled(users, b).map((userId, i) => ({ id: `b${b}-${i}`, name: 'task_added', userId, accountId: `acct-${userId.length % 3}`, timestamp: new Date(NOW.getTime() - (b + 1) * 60_000).toISOString() })),
    )
    const results = await Promise.allSettled(batches.map((events, b) => services[b % 2]!.ingest(events, { now: NOW })))
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
    const stored = await storage.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE program_id = $1', [program.id])
    expect(Number(stored[0]!.n)).toBe(24 * 30)
    expect((await services[0]!.progress('u7', NOW)).milestones['five-tasks']?.state).toBe('achieved')
    await Promise.all(services.map((s) => s.close()))
  })
})

/** A deterministic shuffle (seeded), so the orders differ per batch but the test does not depend on chance. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items]
  let state = seed * 2654435761 + 1
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31
    const j = state % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}
