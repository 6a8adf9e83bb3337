import type { Queryable } from '../storage'
import type { Delivery, DeliveryStatus, Webhook, WebhookEvent, WebhookEventType } from './types'

/**
 * Writes one delivery per subscribed webhook and event, inside the caller's transaction (the one that stores the
 * progress change), so a committed change always has its deliveries and a rolled-back one has none. Event ids are
 * deterministic: the same change computed twice is stored once.
 */
export async function enqueueDeliveries(q: Queryable, programId: string, events: readonly WebhookEvent[]): Promise<void> {
  if (events.length === 0) return
  // Delivery times are wall-clock (the database's), unlike the event's `createdAt`, which is the evaluation's time.
  await q.query(
    `INSERT INTO webhook_deliveries (program_id, webhook_id, event_id, type, payload, status, created_at, next_attempt_at)
     SELECT w.program_id, w.id, e.id, e.type, e.payload, 'pending', now(), now()
       FROM webhooks w
       JOIN unnest($2::text[], $3::text[], $4::jsonb[]) AS e(id, type, payload)
         ON w.events ? e.type OR w.events ? '*'
      WHERE w.program_id = $1
     ON CONFLICT (program_id, webhook_id, event_id) DO NOTHING`,
    [programId, events.map((e) => e.id), events.map((e) => e.type), events.map((e) => JSON.stringify(e))],
  )
}

export async function insertWebhook(q: Queryable, programId: string, hook: Webhook & { secret: string }): Promise<void> {
  await q.query('INSERT INTO webhooks (program_id, id, url, events, secret, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    programId, hook.id, hook.url, JSON.stringify(hook.events), hook.secret, hook.createdAt,
  ])
}

export async function listWebhooks(q: Queryable, programId: string): Promise<Webhook[]> {
  const rows = await q.query<{ id: string; url: string; events: string[]; created_at: Date | string }>(
    'SELECT id, url, events, created_at FROM webhooks WHERE program_id = $1 ORDER BY created_at, id',
    [programId],
  )
  return rows.map((r) => ({ id: r.id, url: r.url, events: r.events, createdAt: iso(r.created_at) }))
}

/** Removes the webhook and what was still waiting for it; false when there was no such webhook. */
export async function deleteWebhook(q: Queryable, programId: string, id: string): Promise<boolean> {
  await q.query('DELETE FROM webhook_deliveries WHERE program_id = $1 AND webhook_id = $2', [programId, id])
  return (await q.query('DELETE FROM webhooks WHERE program_id = $1 AND id = $2 RETURNING id', [programId, id])).length > 0
}

/** How many deliveries the log returns, newest first. */
export const DELIVERY_LOG_LIMIT = 100

export async function listDeliveries(q: Queryable, programId: string, webhookId: string): Promise<Delivery[]> {
  const rows = await q.query<DeliveryRow>(
    `SELECT event_id, type, status, attempts, last_error, created_at, delivered_at FROM webhook_deliveries
      WHERE program_id = $1 AND webhook_id = $2 ORDER BY created_at DESC, event_id LIMIT ${DELIVERY_LOG_LIMIT}`,
    [programId, webhookId],
  )
  return rows.map((r) => ({
    id: r.event_id,
    type: r.type,
    status: r.status,
    attempts: Number(r.attempts),
    ...(r.last_error !== null && { lastError: r.last_error }),
    createdAt: iso(r.created_at),
    ...(r.delivered_at !== null && { deliveredAt: iso(r.delivered_at) }),
  }))
}

interface DeliveryRow {
  event_id: string
  type: WebhookEventType
  status: DeliveryStatus
  attempts: number
  last_error: string | null
  created_at: Date | string
  delivered_at: Date | string | null
}

/** A delivery leased to this process for one attempt. */
export interface ClaimedDelivery {
  webhookId: string
  eventId: string
  url: string
  secret: string
  payload: WebhookEvent
  attempts: number
  createdAt: Date
}

/**
 * Leases up to `limit` due deliveries. `FOR UPDATE SKIP LOCKED` lets several API processes on one Postgres claim
 * disjoint rows at the same moment, and the lease keeps a claimed row from being sent again while its attempt runs;
 * a process killed mid-attempt leaves a lease that simply expires, and the delivery is retried with the same id.
 */
export async function claimDueDeliveries(q: Queryable, programId: string, now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
  const rows = await q.query<{ webhook_id: string; event_id: string; url: string; secret: string; payload: WebhookEvent; attempts: number; created_at: Date | string }>(
    `UPDATE webhook_deliveries d SET lease_until = $3
       FROM webhooks w
      WHERE w.program_id = d.program_id AND w.id = d.webhook_id
        AND (d.program_id, d.webhook_id, d.event_id) IN (
          SELECT program_id, webhook_id, event_id FROM webhook_deliveries
           WHERE program_id = $1 AND status = 'pending' AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until <= $2)
           ORDER BY next_attempt_at LIMIT $4
           FOR UPDATE SKIP LOCKED)
      RETURNING d.webhook_id, d.event_id, w.url, w.secret, d.payload, d.attempts, d.created_at`,
    [programId, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), limit],
  )
  return rows.map((r) => ({
    webhookId: r.webhook_id,
    eventId: r.event_id,
    url: r.url,
    secret: r.secret,
    payload: r.payload,
    attempts: Number(r.attempts),
    createdAt: new Date(r.created_at),
  }))
}

/** Records one attempt's outcome: delivered, or back to pending at `retryAt`, or failed when `retryAt` is null. */
export async function recordAttempt(
  q: Queryable,
  programId: string,
  delivery: Pick<ClaimedDelivery, 'webhookId' | 'eventId'>,
  outcome: { ok: true; at: Date } | { ok: false; error: string; retryAt: Date | null },
): Promise<void> {
  if (outcome.ok) {
    await q.query(
      `UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = $4, last_error = NULL, lease_until = NULL
        WHERE program_id = $1 AND webhook_id = $2 AND event_id = $3`,
      [programId, delivery.webhookId, delivery.eventId, outcome.at.toISOString()],
    )
    return
  }
  await q.query(
    `UPDATE webhook_deliveries
        SET status = $4, attempts = attempts + 1, last_error = $5, lease_until = NULL, next_attempt_at = COALESCE($6, next_attempt_at)
      WHERE program_id = $1 AND webhook_id = $2 AND event_id = $3`,
    [programId, delivery.webhookId, delivery.eventId, outcome.retryAt ? 'pending' : 'failed', outcome.error.slice(0, 500), outcome.retryAt?.toISOString() ?? null],
  )
}

/** The earliest moment a pending delivery becomes due, so the sender can sleep until then. */
export async function nextDueAt(q: Queryable, programId: string): Promise<Date | undefined> {
  const [row] = await q.query<{ at: Date | string | null }>(
    `SELECT min(GREATEST(next_attempt_at, COALESCE(lease_until, next_attempt_at))) AS at FROM webhook_deliveries WHERE program_id = $1 AND status = 'pending'`,
    [programId],
  )
  return row?.at ? new Date(row.at) : undefined
}

const iso = (value: Date | string): string => new Date(value).toISOString()
