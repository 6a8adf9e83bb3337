import type { Subject } from '../../core'
import type { Queryable } from './types'

/** The stored subjects among `userIds`, by user id. */
export async function findSubjects(q: Queryable, programId: string, userIds: readonly string[]): Promise<Map<string, Subject>> {
  if (userIds.length === 0) return new Map()
  const rows = await q.query<{ payload: Subject }>(
    'SELECT payload FROM subjects WHERE program_id = $1 AND user_id = ANY($2::text[])',
    [programId, userIds],
  )
  return new Map(rows.map((r) => [r.payload.userId, r.payload]))
}

/**
 * Creates or replaces subjects; with `onlyIfMissing` an existing subject is left untouched (the host's word wins).
 * Rows go in user id order: two transactions upserting overlapping users then lock them in the same order
 * instead of deadlocking.
 */
export async function saveSubjects(q: Queryable, programId: string, unsorted: readonly Subject[], onlyIfMissing = false): Promise<void> {
  if (unsorted.length === 0) return
  const subjects = [...unsorted].sort((a, b) => compareKeys(a.userId, b.userId))
  await q.query(
    `INSERT INTO subjects (program_id, user_id, account_id, signed_up_at, payload)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::jsonb[])
     ON CONFLICT (program_id, user_id) DO ${onlyIfMissing ? 'NOTHING' : 'UPDATE SET account_id = excluded.account_id, signed_up_at = excluded.signed_up_at, payload = excluded.payload, updated_at = now()'}`,
    [
      programId,
      subjects.map((s) => s.userId),
      subjects.map((s) => s.accountId ?? null),
      subjects.map((s) => new Date(s.signedUpAt).toISOString()),
      subjects.map((s) => JSON.stringify(s)),
    ],
  )
}

/** Users whose subject belongs to one of the accounts. */
export async function usersOfAccounts(q: Queryable, programId: string, accountIds: readonly string[]): Promise<string[]> {
  if (accountIds.length === 0) return []
  const rows = await q.query<{ user_id: string }>(
    'SELECT user_id FROM subjects WHERE program_id = $1 AND account_id = ANY($2::text[])',
    [programId, accountIds],
  )
  return rows.map((r) => r.user_id)
}

/** Whether the program has any subject at all (a fresh database has none). */
export async function hasSubjects(q: Queryable, programId: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM subjects WHERE program_id = $1 LIMIT 1', [programId])
  return rows.length > 0
}

/** Code-unit order, the same in every process (localeCompare would depend on the locale). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
