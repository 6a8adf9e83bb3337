import type { Progress, Subject } from '../../core'
import { compareKeys } from './subjects-table'
import type { Queryable } from './types'

/** A user's last stored snapshot; `version` grows by one on every write, from any process. */
export interface StoredProgress {
  snapshot: Progress
  version: number
  /** When it next changes without an event (ISO), as last written or claimed by a scheduler. */
  nextChangeAt?: string | undefined
}

/** What a recomputation starts from: the subject and their stored progress, if any. */
export interface SubjectState {
  subject: Subject
  stored: StoredProgress | undefined
}

/** Subjects and their stored progress in one round trip; users without a subject are absent. */
export async function readSubjectStates(q: Queryable, programId: string, userIds: readonly string[]): Promise<Map<string, SubjectState>> {
  if (userIds.length === 0) return new Map()
  const rows = await q.query<{ subject: Subject; snapshot: Progress | null; version: number | null; next_change_at: Date | string | null }>(
    `SELECT s.payload AS subject, p.snapshot, p.version, p.next_change_at
       FROM subjects s LEFT JOIN progress p ON p.program_id = s.program_id AND p.user_id = s.user_id
      WHERE s.program_id = $1 AND s.user_id = ANY($2::text[])`,
    [programId, userIds],
  )
  return new Map(
    rows.map((row) => [
      row.subject.userId,
      {
        subject: row.subject,
        stored:
          row.snapshot === null
            ? undefined
            : { snapshot: row.snapshot, version: Number(row.version), nextChangeAt: row.next_change_at === null ? undefined : new Date(row.next_change_at).toISOString() },
      },
    ]),
  )
}

/** One user's snapshot to store; `nextChangeAt` (ISO) schedules the next recomputation without an event. */
export interface ProgressRow {
  userId: string
  snapshot: Progress
  version: number
  /** @default undefined — nothing changes until the next event */
  nextChangeAt?: string | undefined
}

/** Stores many users' snapshots in one statement; the rows travel as one JSON array (cheaper than a `jsonb[]` literal). */
export async function writeProgress(q: Queryable, programId: string, unsorted: readonly ProgressRow[]): Promise<void> {
  if (unsorted.length === 0) return
  const rows = [...unsorted].sort((a, b) => compareKeys(a.userId, b.userId)) // one lock order for every writer
  await q.query(
    `INSERT INTO progress (program_id, user_id, snapshot, version, next_change_at, updated_at)
     SELECT $1, r->>'userId', r->'snapshot', (r->>'version')::int, (r->>'nextChangeAt')::timestamptz, now()
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS batch(r, n)
      ORDER BY n
     ON CONFLICT (program_id, user_id) DO UPDATE
       SET snapshot = excluded.snapshot, version = excluded.version, next_change_at = excluded.next_change_at, updated_at = now()`,
    [programId, JSON.stringify(rows)],
  )
}

/**
 * Moves users' versions on without rewriting their snapshots (which did not change): another process's warm
 * evaluator must still notice that events it has not seen were stored, and so must a cohort refresh (`updated_at`):
 * the success metrics' retention depends on events, not on the snapshot.
 */
export async function bumpProgressVersions(q: Queryable, programId: string, unsorted: readonly { userId: string; version: number }[]): Promise<void> {
  if (unsorted.length === 0) return
  const rows = [...unsorted].sort((a, b) => compareKeys(a.userId, b.userId))
  await q.query(
    `UPDATE progress p SET version = u.version, updated_at = now()
       FROM unnest($2::text[], $3::int[]) AS u(user_id, version)
      WHERE p.program_id = $1 AND p.user_id = u.user_id`,
    [programId, rows.map((r) => r.userId), rows.map((r) => r.version)],
  )
}

/** One row per subject that has progress: the raw material of benchmarks and insights. */
export interface CohortRow {
  subject: Subject
  progress: Progress
}

/** Every subject with progress, for benchmarks and insights. */
export async function loadCohort(q: Queryable, programId: string): Promise<CohortRow[]> {
  return q.query<CohortRow>(
    `SELECT s.payload AS subject, p.snapshot AS progress
       FROM subjects s JOIN progress p ON p.program_id = s.program_id AND p.user_id = s.user_id
      WHERE s.program_id = $1
      ORDER BY s.user_id`,
    [programId],
  )
}

/**
 * Subjects whose subject or progress row changed after `since` (every subject with progress when undefined), and the
 * database's clock when the read began (`readAt`): a cohort kept in memory re-reads only what moved. (Re-reading from
 * the latest change seen instead would re-read the last burst of writes on every refresh, however long ago it was.)
 */
export async function loadCohortChanges(q: Queryable, programId: string, since: string | undefined): Promise<{ rows: CohortRow[]; readAt: string }> {
  // One row with the clock even when nothing changed; a row per changed subject otherwise.
  const rows = await q.query<{ read_at: string; subject: Subject | null; progress: Progress | null }>(
    `SELECT to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS read_at, c.subject, c.progress
       FROM (SELECT 1) AS clock
       LEFT JOIN LATERAL (
         SELECT s.payload AS subject, p.snapshot AS progress
           FROM subjects s JOIN progress p ON p.program_id = s.program_id AND p.user_id = s.user_id
          WHERE s.program_id = $1 AND ($2::timestamptz IS NULL OR s.updated_at > $2::timestamptz OR p.updated_at > $2::timestamptz)
       ) AS c ON true`,
    [programId, since ?? null],
  )
  const changed = rows.flatMap(({ subject, progress }) => (subject === null || progress === null ? [] : [{ subject, progress }]))
  return { rows: changed, readAt: rows[0]!.read_at }
}
