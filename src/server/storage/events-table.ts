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
 */
export async function insertEvents(q: Queryable, programId: string, unsorted: readonly CairnEvent[]): Promise<Set<string>> {
  if (unsorted.length === 0) return new Set()
  const events = [...unsorted].sort((a, b) => compareKeys(a.id, b.id))
  const rows = await q.query<{ id: string }>(
    `INSERT INTO events (program_id, id, name, user_id, account_id, ts, payload)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::jsonb[])
     ON CONFLICT (program_id, id) DO NOTHING
     RETURNING id`,
    [
      programId,
      events.map((e) => e.id),
      events.map((e) => e.name),
      events.map((e) => e.userId),
      events.map((e) => e.accountId ?? null),
      events.map((e) => new Date(e.timestamp).toISOString()),
      events.map((e) => JSON.stringify(e)),
    ],
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
