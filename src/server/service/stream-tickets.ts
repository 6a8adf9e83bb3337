import { createHash, randomBytes } from 'node:crypto'
import { insertStreamTicket, pruneStreamTickets, redeemStreamTicket, type Storage, type TicketRedemption } from '../storage'
import type { TokenSubject } from '../service-types'

/** 32 random bytes as base64url: 256 bits nobody guesses, and nothing to escape in a URL. */
export const STREAM_TICKET_PATTERN = /^[A-Za-z0-9_-]{43}$/
/** Long enough for a page to open its EventSource on a slow link; short enough that a logged URL is worthless. */
export const DEFAULT_STREAM_TICKET_TTL_S = 60
/** Expired tickets stay this long so a late use is told "expired" rather than "unknown"; then they are deleted. */
const KEEP_EXPIRED_MS = 60 * 60_000

/** A freshly issued ticket: what `POST /v1/me/stream-ticket` answers. */
export interface IssuedStreamTicket {
  ticket: string
  /** ISO 8601; the ticket opens one stream before this moment. */
  expiresAt: string
}

/**
 * Single-use tickets for `GET /v1/me/stream?ticket=`, so the user token never travels in a URL. Kept in the
 * database (hashed), so a ticket issued by one process is redeemed — once — by any other on the same database.
 */
export interface StreamTicketAdmin {
  /** Issues a ticket standing for these (verified) claims, valid for `ttlS` seconds from `now`. */
  issue(claims: TokenSubject, now: Date, ttlS: number): Promise<IssuedStreamTicket>
  /** Uses the ticket up and returns its claims; a malformed, unknown, expired or used ticket says which. */
  redeem(ticket: string, now: Date): Promise<TicketRedemption<TokenSubject>>
}

/** Tickets of one program: a ticket issued for another program is unknown here. */
export function createStreamTickets(storage: Storage, programId: string): StreamTicketAdmin {
  return {
    async issue(claims, now, ttlS) {
      await pruneStreamTickets(storage, programId, new Date(now.getTime() - KEEP_EXPIRED_MS))
      const ticket = randomBytes(32).toString('base64url')
      const expiresAt = new Date(now.getTime() + ttlS * 1000)
      await insertStreamTicket(storage, programId, hashOf(ticket), claims, expiresAt)
      return { ticket, expiresAt: expiresAt.toISOString() }
    },
    redeem: (ticket, now) =>
      STREAM_TICKET_PATTERN.test(ticket) ? redeemStreamTicket<TokenSubject>(storage, programId, hashOf(ticket), now) : Promise.resolve({ ok: false, reason: 'unknown' } as const),
  }
}

/** Only a hash is stored: someone reading the table (or a backup) cannot open a stream with what they find. */
const hashOf = (ticket: string) => createHash('sha256').update(ticket).digest('base64url')
