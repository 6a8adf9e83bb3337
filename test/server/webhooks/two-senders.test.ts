import { demoProgram } from '../../../src/core'
import { createService } from '../../../src/server/service'
import { openStorage } from '../../../src/server/storage'
import { dropSchema, freshProgram, POSTGRES_URL, uniqueSchema } from '../storage/backends'
import { startReceiver } from './receiver'

const NOW = new Date('2026-03-10T12:00:00.000Z')

// Two API processes on one Postgres: each runs a sender, and each delivery must be sent by exactly one of them.
describe.runIf(POSTGRES_URL)('two senders on one Postgres', () => {
  const schema = uniqueSchema()
  afterAll(() => dropSchema(POSTGRES_URL!, schema))

  it('never sends the same delivery twice', { timeout: 60_000 }, async () => {
    const receiver = await startReceiver()
    const program = freshProgram({ id: `two-senders-${demoProgram.id}-${Date.now()}` })
    const open = () => openStorage({ databaseUrl: POSTGRES_URL!, schema })
    // Both clocks read NOW, so a subject update is evaluated then (at the machine's date, time-based milestones would fire too).
    const a = await createService({ program, storage: await open(), now: () => NOW, webhooks: { allowPrivate: true, backoffMs: 20 } })
    const b = await createService({ program, storage: await open(), now: () => NOW, webhooks: { allowPrivate: true, backoffMs: 20 } })
    try {
      await a.webhooks.register({ url: receiver.url, events: ['milestone.achieved'] })
      const users = Array.from({ length: 40 }, (_, i) => `user-${i}`)
      for (const userId of users) await a.upsertSubject(userId, { signedUpAt: '2026-03-09T09:00:00.000Z' })
      // Half the events arrive through each process, as behind a load balancer.
      await Promise.all(
        users.map((userId, i) =>
          (i % 2 === 0 ? a : b).ingest([{ id: `${userId}-p`, name: 'project_created', userId, timestamp: '2026-03-10T11:00:00.000Z' }], { now: NOW }),
        ),
      )
      await vi.waitFor(() => expect(receiver.received.length).toBeGreaterThanOrEqual(users.length), { timeout: 30_000 })
      await Promise.all([a.close(), b.close()])
      const ids = receiver.received.map((r) => r.headers['cairn-event-id'])
      expect(ids).toHaveLength(users.length)
      expect(new Set(ids).size).toBe(users.length)
    } finally {
      await Promise.allSettled([a.close(), b.close(), receiver.close()])
    }
  })
})
