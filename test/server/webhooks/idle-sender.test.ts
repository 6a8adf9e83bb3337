import { openStorage, type Storage } from '../../../src/server/storage'
import { createWebhookSender } from '../../../src/server/webhooks/sender'

/**
 * On the embedded database every write ends the progress read caches (kept reads and answers), so a sender with
 * nothing due must only look: a claim is an UPDATE even when it leases no row.
 */
describe('an idle webhook sender', () => {
  let storage: Storage
  beforeEach(async () => {
    storage = await openStorage({ memory: true })
  })
  afterEach(() => storage.close())

  it('reads when the next delivery is due and writes nothing while none is', async () => {
    const statements: string[] = []
    const watched: Storage = { ...storage, query: (sql, params) => (statements.push(sql), storage.query(sql, params)) }
    const writesBefore = storage.writeCount!()
    const sender = createWebhookSender({ storage: watched, programId: 'idle-program' })

    // A poke wakes a sleeping sender for one more look at the outbox (one that lands mid-look is lost, so keep poking).
    await vi.waitFor(() => {
      sender.poke()
      expect(statements.length).toBeGreaterThanOrEqual(3)
    })
    await sender.close()

    expect(statements.length).toBeGreaterThanOrEqual(3)
    expect(statements.every((sql) => /^\s*SELECT\b/i.test(sql))).toBe(true)
    expect(storage.writeCount!()).toBe(writesBefore)
  })
})
