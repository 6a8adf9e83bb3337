import type { Celebration } from '../../core'
import { compareKeys } from './subjects-table'
import type { Queryable } from './types'

/** Ids are `${kind}:${refId}`, unique per user, so a celebration already stored is never created twice. */
export async function insertCelebrations(q: Queryable, programId: string, unsorted: readonly { userId: string; celebration: Celebration }[]): Promise<void> {
  if (unsorted.length === 0) return
  // Key order, like every multi-row write, so concurrent writers lock rows in the same order.
  const rows = [...unsorted].sort((a, b) => compareKeys(a.userId, b.userId) || compareKeys(a.celebration.id, b.celebration.id))
  await q.query(
    `INSERT INTO celebrations (program_id, user_id, id, payload)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::jsonb[])
     ON CONFLICT (program_id, user_id, id) DO NOTHING`,
    [programId, rows.map((r) => r.userId), rows.map((r) => r.celebration.id), rows.map((r) => JSON.stringify(r.celebration))],
  )
}

/** The user's celebrations not yet acknowledged, oldest first. */
export async function pendingCelebrations(q: Queryable, programId: string, userId: string): Promise<Celebration[]> {
  const rows = await q.query<{ payload: Celebration }>(
    'SELECT payload FROM celebrations WHERE program_id = $1 AND user_id = $2 AND seen_at IS NULL ORDER BY created_at, id',
    [programId, userId],
  )
  return rows.map((r) => r.payload)
}

/** `pendingCelebrations` of many users in one query; users without any are absent. */
export async function pendingCelebrationsOf(q: Queryable, programId: string, userIds: readonly string[]): Promise<Map<string, Celebration[]>> {
  const result = new Map<string, Celebration[]>()
  if (userIds.length === 0) return result
  const rows = await q.query<{ user_id: string; payload: Celebration }>(
    'SELECT user_id, payload FROM celebrations WHERE program_id = $1 AND user_id = ANY($2::text[]) AND seen_at IS NULL ORDER BY created_at, id',
    [programId, userIds],
  )
  for (const row of rows) {
    const list = result.get(row.user_id)
    if (list) list.push(row.payload)
    else result.set(row.user_id, [row.payload])
  }
  return result
}

/** True when the user has this celebration (seen before or not); only their own row is touched. */
export async function markCelebrationSeen(q: Queryable, programId: string, userId: string, id: string): Promise<boolean> {
  const rows = await q.query(
    `UPDATE celebrations SET seen_at = COALESCE(seen_at, now())
      WHERE program_id = $1 AND user_id = $2 AND id = $3
      RETURNING id`,
    [programId, userId, id],
  )
  return rows.length > 0
}

/** Marks every pending celebration of these users seen (the seed uses it so demo users start calm). */
export async function markAllCelebrationsSeen(q: Queryable, programId: string, userIds: readonly string[]): Promise<void> {
  await q.query(
    'UPDATE celebrations SET seen_at = now() WHERE program_id = $1 AND user_id = ANY($2::text[]) AND seen_at IS NULL',
    [programId, userIds],
  )
}
