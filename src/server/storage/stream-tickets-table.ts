import type { Queryable } from './types'

/** What redeeming a ticket found: its claims when it was valid (and is now used), else why not. */
export type TicketRedemption<Claims> = { ok: true; claims: Claims } | { ok: false; reason: 'unknown' | 'expired' | 'used' }

interface StateRow {
  expires_at: Date | string
  used_at: Date | string | null
}

/** Stores a ticket (by its hash) with the claims it stands for, valid until `expiresAt`. */
export async function insertStreamTicket(q: Queryable, programId: string, ticketHash: string, claims: unknown, expiresAt: Date): Promise<void> {
  await q.query('INSERT INTO stream_tickets (program_id, ticket_hash, claims, expires_at) VALUES ($1, $2, $3, $4)', [
    programId, ticketHash, JSON.stringify(claims), expiresAt.toISOString(),
  ])
}

/**
 * Marks the ticket used and returns its claims, in one statement: of two processes redeeming the same ticket at
 * once, the row lock lets exactly one `UPDATE … WHERE used_at IS NULL` match. When none matched, a second read
 * tells an expired or used ticket from one this program never issued (or that was pruned).
 */
export async function redeemStreamTicket<Claims>(q: Queryable, programId: string, ticketHash: string, now: Date): Promise<TicketRedemption<Claims>> {
  const [redeemed] = await q.query<{ claims: Claims }>(
    `UPDATE stream_tickets SET used_at = $3
      WHERE program_id = $1 AND ticket_hash = $2 AND used_at IS NULL AND expires_at > $3
      RETURNING claims`,
    [programId, ticketHash, now.toISOString()],
  )
  if (redeemed) return { ok: true, claims: redeemed.claims }
  const [state] = await q.query<StateRow>('SELECT expires_at, used_at FROM stream_tickets WHERE program_id = $1 AND ticket_hash = $2', [programId, ticketHash])
  if (!state) return { ok: false, reason: 'unknown' }
  return { ok: false, reason: state.used_at !== null ? 'used' : 'expired' }
}

/** Forgets tickets that expired before `before` (used or not); returns how many. */
export async function pruneStreamTickets(q: Queryable, programId: string, before: Date): Promise<number> {
  const rows = await q.query('DELETE FROM stream_tickets WHERE program_id = $1 AND expires_at < $2 RETURNING 1', [programId, before.toISOString()])
  return rows.length
}
