import type { CairnEvent } from '../../core'
import { compareKeys } from './subjects-table'
import type { Queryable } from './types'

/** Stored payloads of the given event ids (ids not stored are absent). */
export async function findEvents(q: Queryable, programId: string, ids: readonly string[]): Promise<Map<string, CairnEvent>> {
  if (ids.length === 0) return new Map()
  const rows = await q.query<{ id: string; payload: CairnEvent }>(
    'SELECT id, payload FROM events WHERE program_id = $1 AND id = ANY($2::text[])',
    [programId, ids],
  )
  return new Map(rows.map((r) => [r.id, r.payload]))
}

/**
 * Inserts in one statement; an id already stored (by anyone) is skipped. Returns the ids this call inserted.
 * Rows go in id order so concurrent batches with overlapping ids wait for each other instead of deadlocking.
 * The rows travel as one JSON array: cheaper to encode and decode than seven parallel array parameters (whose
 * `jsonb[]` literal escapes every quote of every payload).
 */
export async function insertEvents(q: Queryable, programId: string, unsorted: readonly CairnEvent[]): Promise<Set<string>> {
  if (unsorted.length === 0) return new Set()
  const events = [...unsorted].sort((a, b) => compareKeys(a.id, b.id))
  const rows = await q.query<{ id: string }>(
    `INSERT INTO events (program_id, id, name, user_id, account_id, ts, payload)
     SELECT $1, e->>'id', e->>'name', e->>'userId', e->>'accountId', (e->>'timestamp')::timestamptz, e
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS batch(e, n)
      ORDER BY n
     ON CONFLICT (program_id, id) DO NOTHING
     RETURNING id`,
    [programId, JSON.stringify(events)],
  )
  return new Set(rows.map((r) => r.id))
}

/**
 * Every stored event the given subjects' progress depends on: their own, plus their accounts' (account-unit
 * milestones count the whole account). One query for many users; callers pick each user's share.
 */
export async function eventsForSubjects(q: Queryable, programId: string, userIds: readonly string[], accountIds: readonly string[]): Promise<CairnEvent[]> {
  if (userIds.length === 0 && accountIds.length === 0) return []
  const rows = await q.query<{ payload: CairnEvent }>(
    'SELECT payload FROM events WHERE program_id = $1 AND (user_id = ANY($2::text[]) OR account_id = ANY($3::text[]))',
    [programId, userIds, accountIds],
  )
  return rows.map((r) => r.payload)
}
