import type { Queryable } from './types'

/** A signal raised (became active) or cleared for one user, at the moment it happened. */
export interface SignalChangeRow {
  userId: string
  accountId?: string | undefined
  signalId: string
  state: 'raised' | 'cleared'
  /** ISO time: when the signal became active (its `since`), or when it was seen clear. */
  at: string
}

/** A stored change; `id` grows with every row, so it doubles as a cursor. */
export interface SignalHistoryEntry extends SignalChangeRow {
  id: number
  /** ISO time the row was written. */
  recordedAt: string
}

/** What to read: one user's or one account's changes, after a cursor, oldest first. */
export interface SignalHistoryQuery {
  userId?: string
  accountId?: string
  /** Only rows with an id above this one. @default 0 */
  afterId?: number
  /** @default 100 */
  limit?: number
}

const DEFAULT_HISTORY_LIMIT = 100

/** Appends raise/clear rows (in the transaction that writes the progress which caused them). */
export async function recordSignalChanges(q: Queryable, programId: string, rows: readonly SignalChangeRow[]): Promise<void> {
  if (rows.length === 0) return
  await q.query(
    `INSERT INTO signal_history (program_id, user_id, account_id, signal_id, state, at)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
    [
      programId,
      rows.map((r) => r.userId),
      rows.map((r) => r.accountId ?? null),
      rows.map((r) => r.signalId),
      rows.map((r) => r.state),
      rows.map((r) => r.at),
    ],
  )
}

/** Signal history of the program, oldest first, optionally narrowed to a user or an account. */
export async function readSignalHistory(q: Queryable, programId: string, query: SignalHistoryQuery = {}): Promise<SignalHistoryEntry[]> {
  const rows = await q.query<{ id: string | number; user_id: string; account_id: string | null; signal_id: string; state: string; at: Date | string; recorded_at: Date | string }>(
    `SELECT id, user_id, account_id, signal_id, state, at, recorded_at FROM signal_history
      WHERE program_id = $1 AND ($2::text IS NULL OR user_id = $2) AND ($3::text IS NULL OR account_id = $3) AND id > $4
      ORDER BY id LIMIT $5`,
    [programId, query.userId ?? null, query.accountId ?? null, query.afterId ?? 0, query.limit ?? DEFAULT_HISTORY_LIMIT],
  )
  return rows.map((row) => ({
    id: Number(row.id),
    userId: row.user_id,
    ...(row.account_id !== null && { accountId: row.account_id }),
    signalId: row.signal_id,
    state: row.state === 'cleared' ? 'cleared' : 'raised',
    at: new Date(row.at).toISOString(),
    recordedAt: new Date(row.recorded_at).toISOString(),
  }))
}
