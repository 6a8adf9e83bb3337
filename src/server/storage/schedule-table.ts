import type { Queryable } from './types'

/** The earliest scheduled change of any subject of the program, or undefined when none is scheduled. */
export async function earliestScheduledChange(q: Queryable, programId: string): Promise<Date | undefined> {
  const rows = await q.query<{ at: Date | string | null }>(
    'SELECT min(next_change_at) AS at FROM progress WHERE program_id = $1 AND next_change_at IS NOT NULL',
    [programId],
  )
  const at = rows[0]?.at
  return at === null || at === undefined ? undefined : new Date(at)
}

/**
 * Claims up to `limit` subjects whose change is due at `now`, earliest first, by moving their schedule to
 * `leaseUntil`: another process skips rows claimed (or being claimed) here, and if this process dies before it
 * recomputes them, they come due again when the lease ends. Recomputing writes the real next change.
 */
export async function claimDueSubjects(q: Queryable, programId: string, now: Date, leaseUntil: Date, limit: number): Promise<string[]> {
  const rows = await q.query<{ user_id: string }>(
    `UPDATE progress SET next_change_at = $3
      WHERE program_id = $1 AND user_id IN (
        SELECT user_id FROM progress
         WHERE program_id = $1 AND next_change_at <= $2
         ORDER BY next_change_at, user_id
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
      RETURNING user_id`,
    [programId, now.toISOString(), leaseUntil.toISOString(), limit],
  )
  return rows.map((row) => row.user_id).sort()
}
