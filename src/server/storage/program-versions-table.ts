import type { CairnEvent, CarriedAchievements, ProgramDiff, Progress, Subject } from '../../core'
import type { Queryable } from './types'

/** One published program version as stored: the definition exactly as it was sent, and who published it. */
export interface StoredVersion {
  version: string
  /** The program JSON as published (per-locale text and all), parsed again when activated. */
  definition: unknown
  /** Changes against the version published before it. */
  summary: ProgramDiff
  publishedAt: string
  publishedBy: string
}

/** One moment the active version changed. */
export interface StoredActivation {
  version: string
  activatedAt: string
  activatedBy: string
}

interface VersionRow {
  version: string
  definition: unknown
  summary: ProgramDiff
  published_at: Date | string
  published_by: string
}

const iso = (value: Date | string) => new Date(value).toISOString()
const toVersion = (row: VersionRow): StoredVersion => ({
  version: row.version,
  definition: row.definition,
  summary: row.summary,
  publishedAt: iso(row.published_at),
  publishedBy: row.published_by,
})

/** Stores a new version; false when this version string is already published (nothing is overwritten). */
export async function insertVersion(q: Queryable, programId: string, row: StoredVersion): Promise<boolean> {
  const inserted = await q.query(
    `INSERT INTO program_versions (program_id, version, definition, summary, published_at, published_by)
     VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6)
     ON CONFLICT (program_id, version) DO NOTHING RETURNING version`,
    [programId, row.version, JSON.stringify(row.definition), JSON.stringify(row.summary), row.publishedAt, row.publishedBy],
  )
  return inserted.length > 0
}

/** Overwrites a stored version's definition (and when and by whom): only for the start-up file edited in place. */
export async function replaceVersion(q: Queryable, programId: string, row: StoredVersion): Promise<void> {
  await q.query(
    `UPDATE program_versions SET definition = $3::jsonb, summary = $4::jsonb, published_at = $5, published_by = $6
      WHERE program_id = $1 AND version = $2`,
    [programId, row.version, JSON.stringify(row.definition), JSON.stringify(row.summary), row.publishedAt, row.publishedBy],
  )
}

/** One version by its version string. */
export async function findVersion(q: Queryable, programId: string, version: string): Promise<StoredVersion | undefined> {
  const [row] = await q.query<VersionRow>(
    'SELECT version, definition, summary, published_at, published_by FROM program_versions WHERE program_id = $1 AND version = $2',
    [programId, version],
  )
  return row === undefined ? undefined : toVersion(row)
}

/** Every published version, newest first (definitions left out: the history lists, it does not serve). */
export async function listVersions(q: Queryable, programId: string): Promise<Omit<StoredVersion, 'definition'>[]> {
  const rows = await q.query<Omit<VersionRow, 'definition'>>(
    'SELECT version, summary, published_at, published_by FROM program_versions WHERE program_id = $1 ORDER BY seq DESC',
    [programId],
  )
  return rows.map((row) => ({ version: row.version, summary: row.summary, publishedAt: iso(row.published_at), publishedBy: row.published_by }))
}

/** The definition published last, other than `except` (the base of the next version's change summary). */
export async function latestPublished(q: Queryable, programId: string, except?: string): Promise<StoredVersion | undefined> {
  const [row] = await q.query<VersionRow>(
    `SELECT version, definition, summary, published_at, published_by FROM program_versions
      WHERE program_id = $1 AND version IS DISTINCT FROM $2 ORDER BY seq DESC LIMIT 1`,
    [programId, except ?? null],
  )
  return row === undefined ? undefined : toVersion(row)
}

/** Makes `version` the active one from now on; the log keeps every change for the insights charts. */
export async function recordActivation(q: Queryable, programId: string, activation: StoredActivation): Promise<void> {
  await q.query(
    'INSERT INTO program_activations (program_id, version, activated_at, activated_by) VALUES ($1, $2, $3, $4)',
    [programId, activation.version, activation.activatedAt, activation.activatedBy],
  )
}

/** The version string active now, or undefined before the first one is stored. */
export async function activeVersion(q: Queryable, programId: string): Promise<string | undefined> {
  const [row] = await q.query<{ version: string }>(
    'SELECT version FROM program_activations WHERE program_id = $1 ORDER BY seq DESC LIMIT 1',
    [programId],
  )
  return row?.version
}

/** Every change of the active version, oldest first. */
export async function listActivations(q: Queryable, programId: string): Promise<StoredActivation[]> {
  const rows = await q.query<{ version: string; activated_at: Date | string; activated_by: string }>(
    'SELECT version, activated_at, activated_by FROM program_activations WHERE program_id = $1 ORDER BY seq',
    [programId],
  )
  return rows.map((row) => ({ version: row.version, activatedAt: iso(row.activated_at), activatedBy: row.activated_by }))
}

/** Achievements carried across versions, per user (users with none are absent). */
export async function readCarried(q: Queryable, programId: string, userIds: readonly string[]): Promise<Map<string, CarriedAchievements>> {
  if (userIds.length === 0) return new Map()
  const rows = await q.query<{ user_id: string; payload: CarriedAchievements }>(
    'SELECT user_id, payload FROM carried_achievements WHERE program_id = $1 AND user_id = ANY($2::text[])',
    [programId, userIds],
  )
  return new Map(rows.map((row) => [row.user_id, row.payload]))
}

/** Replaces the carried achievements of these users. */
export async function writeCarried(q: Queryable, programId: string, rows: readonly { userId: string; carried: CarriedAchievements }[]): Promise<void> {
  if (rows.length === 0) return
  await q.query(
    `INSERT INTO carried_achievements (program_id, user_id, payload)
     SELECT $1, * FROM unnest($2::text[], $3::jsonb[])
     ON CONFLICT (program_id, user_id) DO UPDATE SET payload = excluded.payload`,
    [programId, rows.map((r) => r.userId), rows.map((r) => JSON.stringify(r.carried))],
  )
}

/** Every user with a subject, in a stable order (re-evaluation after a version change walks them in chunks). */
export async function allSubjectIds(q: Queryable, programId: string): Promise<string[]> {
  const rows = await q.query<{ user_id: string }>('SELECT user_id FROM subjects WHERE program_id = $1 ORDER BY user_id', [programId])
  return rows.map((row) => row.user_id)
}

/** One subject as a preview sees it: the subject, their stored snapshot and carried achievements. */
export interface PreviewMember {
  subject: Subject
  snapshot: Progress | null
  carried: CarriedAchievements | null
}

/** Every subject of the program with their snapshot and carried achievements, and every stored event: two queries. */
export async function loadPopulation(q: Queryable, programId: string): Promise<{ members: PreviewMember[]; events: CairnEvent[] }> {
  const [members, events] = await Promise.all([
    q.query<PreviewMember>(
      `SELECT s.payload AS subject, p.snapshot, c.payload AS carried
         FROM subjects s
         LEFT JOIN progress p ON p.program_id = s.program_id AND p.user_id = s.user_id
         LEFT JOIN carried_achievements c ON c.program_id = s.program_id AND c.user_id = s.user_id
        WHERE s.program_id = $1
        ORDER BY s.user_id`,
      [programId],
    ),
    // As text, parsed here: noticeably cheaper than the driver's jsonb decoding for tens of thousands of rows.
    q.query<{ payload: string }>('SELECT payload::text AS payload FROM events WHERE program_id = $1', [programId]),
  ])
  return { members, events: events.map((row) => JSON.parse(row.payload) as CairnEvent) }
}
