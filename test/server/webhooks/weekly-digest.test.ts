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
      expect(await enqueueWeeklyDigests(suite.storage, service.program, MONDAY_AFTER)).toBe(0)
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

  it("reports the week's own time saved: not tasks before the week, not tasks after its end", { timeout: 60_000 }, async () => {
    const receiver = await startReceiver()
    const clock = { now: WEDNESDAY }
    const service = await suite.start(undefined, { now: () => clock.now, webhooks: { allowPrivate: true, digestCheckMs: 30 } })
    try {
      await service.webhooks.register({ url: receiver.url, events: ['digest.ready'] })
      await service.upsertSubject('busy', { signedUpAt: '2026-02-16T09:00:00.000Z', timeZone: 'Europe/Berlin' })
      const task = (id: string, timestamp: string) => ({ id, name: 'task_completed', userId: 'busy', timestamp })
      // Two before the week, three inside it (12 minutes each), one after it ended (Monday 09:00 Berlin = 08:00 UTC).
      await service.ingest([task('t1', '2026-02-20T10:00:00.000Z'), task('t2', '2026-02-20T11:00:00.000Z')], { now: WEDNESDAY })
      await service.ingest([task('t3', '2026-03-03T10:00:00.000Z'), task('t4', '2026-03-03T11:00:00.000Z'), task('t5', '2026-03-04T09:00:00.000Z')], { now: WEDNESDAY })
      await service.ingest([task('t6', '2026-03-09T09:00:00.000Z')], { now: MONDAY_AFTER })

      clock.now = MONDAY_AFTER
      await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 20_000 })
      const body = JSON.parse(receiver.received[0]!.body) as WebhookEvent & { data: { digest: Digest } }
      expect(body.data.digest).toMatchObject({ period: 'week', from: '2026-03-02T08:00:00.000Z', to: '2026-03-09T08:00:00.000Z', minutesSaved: 36 })
    } finally {
      await service.close()
      await receiver.close()
    }
  })
})
