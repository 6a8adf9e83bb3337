import type { Queryable } from './types'

/**
 * Accounts (user ids for users without one) with any event in days `from`–`to` after the member's signup: the
 * retention side of the success metrics. Only subjects at least `to` days old are asked. Uses `events_by_user`.
 * The service keeps this figure incrementally (`usersWithWindowEvents` per changed user); this query is what it is
 * tested against.
 */
export async function retainedUnits(q: Queryable, programId: string, now: Date, [from, to]: readonly [number, number]): Promise<Set<string>> {
  const rows = await q.query<{ unit: string }>(
    `SELECT DISTINCT COALESCE(s.account_id, s.user_id) AS unit
       FROM subjects s
      WHERE s.program_id = $1 AND s.signed_up_at <= $2::timestamptz - make_interval(days => $4)
        AND EXISTS (SELECT 1 FROM events e
                     WHERE e.program_id = s.program_id AND e.user_id = s.user_id
                       AND e.ts >= s.signed_up_at + make_interval(days => $3)
                       AND e.ts < s.signed_up_at + make_interval(days => $4 + 1))`,
    [programId, now.toISOString(), from, to],
  )
  return new Set(rows.map((r) => r.unit))
}

/**
 * Of `userIds` (every subject of the program when omitted), the users with any event in days `from`–`to` after their
 * own signup, whatever their age: the per-user fact behind `retainedUnits`, which no longer moves with the clock.
 * Uses `events_by_user`.
 */
export async function usersWithWindowEvents(q: Queryable, programId: string, [from, to]: readonly [number, number], userIds?: readonly string[]): Promise<Set<string>> {
  const rows = await q.query<{ user_id: string }>(
    `SELECT s.user_id
       FROM subjects s
      WHERE s.program_id = $1 AND ($4::text[] IS NULL OR s.user_id = ANY($4::text[]))
        AND EXISTS (SELECT 1 FROM events e
                     WHERE e.program_id = s.program_id AND e.user_id = s.user_id
                       AND e.ts >= s.signed_up_at + make_interval(days => $2)
                       AND e.ts < s.signed_up_at + make_interval(days => $3 + 1))`,
    [programId, from, to, userIds === undefined ? null : [...userIds]],
  )
  return new Set(rows.map((r) => r.user_id))
}
