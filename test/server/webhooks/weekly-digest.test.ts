import type { Digest } from '../../../src/core'
import { enqueueWeeklyDigests, type WebhookEvent } from '../../../src/server/webhooks'
import { availableBackends, storageSuite } from '../storage/backends'
import { startReceiver } from './receiver'

// Wednesday of the reported week, and the Monday 10:00 UTC after it, when the digest is due.
const WEDNESDAY = new Date('2026-03-04T12:00:00.000Z')
const MONDAY_AFTER = new Date('2026-03-09T10:00:00.000Z')

describe.each(availableBackends())('weekly digest webhooks on $name', (backend) => {
  const suite = storageSuite(backend)

  it('sends digest.ready once per user after a week with an achievement, and nothing for a quiet week', { timeout: 60_000 }, async () => {
    const receiver = await startReceiver()
    const clock = { now: WEDNESDAY }
    const service = await suite.start(undefined, { now: () => clock.now, webhooks: { allowPrivate: true, digestCheckMs: 30 } })
    try {
      await service.webhooks.register({ url: receiver.url, events: ['digest.ready'] })
      await service.upsertSubject('busy', { signedUpAt: '2026-03-02T09:00:00.000Z', timeZone: 'Europe/Berlin' })
      await service.upsertSubject('quiet', { signedUpAt: '2026-03-02T09:00:00.000Z' })
      await service.ingest([{ id: 'busy-p1', name: 'project_created', userId: 'busy', timestamp: '2026-03-03T10:00:00.000Z' }], { now: WEDNESDAY })
      await service.ingest([{ id: 'quiet-login', name: 'logged_in', userId: 'quiet', timestamp: '2026-03-03T10:00:00.000Z' }], { now: WEDNESDAY })

      clock.now = MONDAY_AFTER
      await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 20_000 })
      // Checking again (here, or in another process) finds the same week already in the outbox.
      expect(await enqueueWeeklyDigests(suite.storage, service.program, MONDAY_AFTER)).toBe(1)
      const rows = await suite.storage.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM webhook_deliveries WHERE program_id = $1 AND type = 'digest.ready'",
        [service.program.id],
      )
      expect(rows[0]?.n).toBe(1)

      const body = JSON.parse(receiver.received[0]!.body) as WebhookEvent & { data: { digest: Digest } }
      expect(body).toMatchObject({ type: 'digest.ready', data: { userId: 'busy', refId: 'week' } })
      expect(body.data.digest).toMatchObject({ period: 'week', to: '2026-03-09T08:00:00.000Z' }) // Monday 09:00 in Berlin
      expect(body.data.digest.achieved.map((a) => a.milestoneId)).toEqual(['first-project'])
    } finally {
      await service.close()
      await receiver.close()
    }
  })
})
