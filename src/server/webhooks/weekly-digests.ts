import { buildDigest, digestPeriodStart, digestWeekEnd, type Program, type Progress, type Subject } from '../../core'
import type { Queryable } from '../storage'
import { enqueueDeliveries } from './outbox-table'
import { webhookEventId } from './progress-changes'
import type { WebhookEvent } from './types'

/** How often a process looks for digests that fell due. Monday 09:00 arrives in some time zone every hour. */
export const DIGEST_CHECK_INTERVAL_MS = 15 * 60_000
/** Only subjects whose progress was written this recently can have achieved something in the last week. */
const RECENTLY_WRITTEN = '15 days'
const BATCH = 500

/** A user's progress evaluated at a past moment, from their events (the snapshot only knows "now"). */
export type ProgressAt = (userId: string, at: Date) => Promise<Progress>

/**
 * Enqueues `digest.ready` for every user whose week (ending Monday 09:00 in their time zone, DESIGN §7.3) held an
 * achievement. Idempotent: the event id names the user and the week, so running it again — here, later, or in
 * another process — enqueues nothing new. Does nothing unless a webhook subscribes. With `progressAt`, a new digest
 * is built from the progress at the week's end and start, so it carries the week's own time saved; the snapshot
 * alone only picks who is due. Returns how many new digests it enqueued.
 */
export async function enqueueWeeklyDigests(q: Queryable, program: Program, now: Date, progressAt?: ProgressAt): Promise<number> {
  const [subscribed] = await q.query(`SELECT 1 FROM webhooks WHERE program_id = $1 AND (events ? 'digest.ready' OR events ? '*') LIMIT 1`, [program.id])
  if (!subscribed) return 0
  const rows = await q.query<{ subject: Subject; progress: Progress }>(
    `SELECT s.payload AS subject, p.snapshot AS progress
       FROM subjects s JOIN progress p ON p.program_id = s.program_id AND p.user_id = s.user_id
      WHERE s.program_id = $1 AND p.updated_at >= now() - interval '${RECENTLY_WRITTEN}'`,
    [program.id],
  )
  const due = rows.flatMap(({ subject, progress }) => {
    const weekEnd = digestWeekEnd(now, subject.timeZone)
    const digest = buildDigest({ program, progress, period: 'week', now: weekEnd })
    const id = webhookEventId(program.id, subject.userId, 'digest.ready', 'week', weekEnd.toISOString())
    return digest.achieved.length === 0 ? [] : [{ id, subject, weekEnd, digest }]
  })
  const known = await knownEventIds(q, program.id, due.map((d) => d.id))
  const events: WebhookEvent[] = []
  for (const { id, subject, weekEnd, digest: fromSnapshot } of due) {
    if (known.has(id)) continue
    const digest = progressAt
      ? buildDigest({
          program,
          progress: await progressAt(subject.userId, weekEnd),
          startProgress: await progressAt(subject.userId, digestPeriodStart('week', weekEnd)),
          period: 'week',
          now: weekEnd,
        })
      : fromSnapshot
    events.push({
      id,
      type: 'digest.ready',
      createdAt: now.toISOString(),
      data: {
        userId: subject.userId,
        ...(subject.accountId !== undefined && { accountId: subject.accountId }),
        refId: 'week',
        title: `Your week in ${program.title}`,
        digest,
      },
    })
  }
  for (let i = 0; i < events.length; i += BATCH) await enqueueDeliveries(q, program.id, events.slice(i, i + BATCH))
  return events.length
}

/** Which of these event ids already have a delivery: their digest was built before (here or in another process). */
async function knownEventIds(q: Queryable, programId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await q.query<{ event_id: string }>(
    'SELECT DISTINCT event_id FROM webhook_deliveries WHERE program_id = $1 AND event_id = ANY($2::text[])',
    [programId, ids],
  )
  return new Set(rows.map((r) => r.event_id))
}
