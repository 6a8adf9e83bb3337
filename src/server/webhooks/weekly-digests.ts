import { buildDigest, digestWeekEnd, type Program, type Progress, type Subject } from '../../core'
import type { Queryable } from '../storage'
import { enqueueDeliveries } from './outbox-table'
import { webhookEventId } from './progress-changes'
import type { WebhookEvent } from './types'

/** How often a process looks for digests that fell due. Monday 09:00 arrives in some time zone every hour. */
export const DIGEST_CHECK_INTERVAL_MS = 15 * 60_000
/** Only subjects whose progress was written this recently can have achieved something in the last week. */
const RECENTLY_WRITTEN = '15 days'
const BATCH = 500

/**
 * Enqueues `digest.ready` for every user whose week (ending Monday 09:00 in their time zone, DESIGN §7.3) held an
 * achievement. Idempotent: the event id names the user and the week, so running it again — here, later, or in
 * another process — enqueues nothing new. Does nothing unless a webhook subscribes. Returns how many digests it built.
 */
export async function enqueueWeeklyDigests(q: Queryable, program: Program, now: Date): Promise<number> {
  const [subscribed] = await q.query(`SELECT 1 FROM webhooks WHERE program_id = $1 AND (events ? 'digest.ready' OR events ? '*') LIMIT 1`, [program.id])
  if (!subscribed) return 0
  const rows = await q.query<{ subject: Subject; progress: Progress }>(
    `SELECT s.payload AS subject, p.snapshot AS progress
       FROM subjects s JOIN progress p ON p.program_id = s.program_id AND p.user_id = s.user_id
      WHERE s.program_id = $1 AND p.updated_at >= now() - interval '${RECENTLY_WRITTEN}'`,
    [program.id],
  )
  const events: WebhookEvent[] = []
  for (const { subject, progress } of rows) {
    const weekEnd = digestWeekEnd(now, subject.timeZone)
    const digest = buildDigest({ program, progress, period: 'week', now: weekEnd })
    if (digest.achieved.length === 0) continue
    events.push({
      id: webhookEventId(program.id, subject.userId, 'digest.ready', 'week', weekEnd.toISOString()),
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
