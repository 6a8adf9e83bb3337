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
 * Creates or replaces subjects. With `provisional`, they are made up from events (signed up at the earliest event,
 * in the first account named): a subject the host gave is left untouched (the host's word wins), and a provisional
 * one only moves its signup earlier or gains an account it lacked, so the order batches arrive in does not matter.
 * Rows go in user id order: two transactions upserting overlapping users then lock them in the same order
 * instead of deadlocking.
 */
export async function saveSubjects(q: Queryable, programId: string, unsorted: readonly Subject[], provisional = false): Promise<void> {
  if (unsorted.length === 0) return
  const subjects = [...unsorted].sort((a, b) => compareKeys(a.userId, b.userId))
  await q.query(
    `INSERT INTO subjects (program_id, user_id, account_id, signed_up_at, payload, provisional)
     SELECT $1, *, $6::boolean FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::jsonb[])
     ON CONFLICT (program_id, user_id) DO UPDATE SET ${provisional ? MERGE_PROVISIONAL : REPLACE}`,
    [
      programId,
      subjects.map((s) => s.userId),
      subjects.map((s) => s.accountId ?? null),
      subjects.map((s) => new Date(s.signedUpAt).toISOString()),
      subjects.map((s) => JSON.stringify(s)),
      provisional,
    ],
  )
}

const REPLACE = 'account_id = excluded.account_id, signed_up_at = excluded.signed_up_at, payload = excluded.payload, provisional = false, updated_at = now()'

/** An earlier first event moves a provisional signup back; an account fills in once; a host's subject never changes. */
const MERGE_PROVISIONAL = `
  signed_up_at = LEAST(subjects.signed_up_at, excluded.signed_up_at),
  account_id = COALESCE(subjects.account_id, excluded.account_id),
  payload = jsonb_strip_nulls(jsonb_build_object(
    'userId', subjects.user_id,
    'signedUpAt', CASE WHEN excluded.signed_up_at < subjects.signed_up_at THEN excluded.payload->'signedUpAt' ELSE subjects.payload->'signedUpAt' END,
    'accountId', COALESCE(subjects.account_id, excluded.account_id))),
  updated_at = now()
  WHERE subjects.provisional
    AND (excluded.signed_up_at < subjects.signed_up_at OR (subjects.account_id IS NULL AND excluded.account_id IS NOT NULL))`

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
