import type { CairnEvent, CarriedAchievements, Celebration, Progress, Subject } from '../../core'
import type { StoredProgress } from './progress-table'
import type { Queryable } from './types'

/** Everything one user's progress read needs, from one statement. */
export interface ProgressInputs {
  subject: Subject
  stored: StoredProgress | undefined
  carried: CarriedAchievements | undefined
  /** Celebrations not yet acknowledged, oldest first (empty unless asked for). */
  celebrations: Celebration[]
  /** Recorded arms of the subject's assignment unit (account, else user), by set id (empty unless asked for). */
  assignments: Map<string, string>
  /**
   * Every stored event the user's progress depends on (their own and their account's), present when the stored
   * version differs from the one the caller holds a warm evaluator at (or it holds none).
   */
  events: CairnEvent[] | undefined
}

/** What `readProgressInputs` returns: the active program version and each user's inputs. */
export interface ProgressReads {
  /** The version activated last, as the database says now (undefined before any activation). */
  activeVersion: string | undefined
  /** By user id; users without a subject are absent. */
  users: Map<string, ProgressInputs>
}

/** What a read asks for besides subjects, snapshots and carried achievements. */
export interface ProgressReadOptions {
  /** Users the caller holds a warm evaluator for, at this stored version: their events are left out unless it moved. */
  warm?: ReadonlyMap<string, number>
  /** Include pending celebrations. @default false */
  celebrations?: boolean
  /** Include recorded assignments (the program has an experiment or variants). @default false */
  assignments?: boolean
}

interface Row {
  active_version: string | null
  subject: Subject | null
  snapshot: Progress | null
  version: number | null
  next_change_at: Date | string | null
  carried: CarriedAchievements | null
  celebrations: Celebration[] | null
  assignments: Record<string, string> | null
  events: CairnEvent[] | null
}

/**
 * One round trip for a progress read of one user or many: the active version, subjects, stored snapshots and
 * versions, carried achievements, and — as asked — pending celebrations, recorded assignments and the events of
 * users without a warm evaluator. One statement sees one snapshot of the database, so the parts agree.
 */
export async function readProgressInputs(q: Queryable, programId: string, userIds: readonly string[], options: ProgressReadOptions = {}): Promise<ProgressReads> {
  const asked = new Set(userIds)
  const warm = [...(options.warm ?? new Map<string, number>())].filter(([userId]) => asked.has(userId))
  const rows = await q.query<Row>(
    `SELECT (SELECT version FROM program_activations WHERE program_id = $1 ORDER BY seq DESC LIMIT 1) AS active_version, r.*
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (
         SELECT s.payload AS subject, p.snapshot, p.version, p.next_change_at, c.payload AS carried,
                ${options.celebrations ? `(SELECT jsonb_agg(cel.payload ORDER BY cel.created_at, cel.id) FROM celebrations cel
                  WHERE cel.program_id = $1 AND cel.user_id = s.user_id AND cel.seen_at IS NULL)` : 'NULL::jsonb'} AS celebrations,
                ${options.assignments ? `(SELECT jsonb_object_agg(a.set_id, a.arm) FROM assignments a
                  WHERE a.program_id = $1 AND a.unit = coalesce(s.account_id, s.user_id))` : 'NULL::jsonb'} AS assignments,
                CASE WHEN coalesce(p.version, 0) IS DISTINCT FROM w.version THEN
                  (SELECT coalesce(jsonb_agg(e.payload), '[]'::jsonb) FROM (
                     SELECT payload FROM events WHERE program_id = $1 AND user_id = s.user_id
                     UNION ALL
                     SELECT payload FROM events WHERE program_id = $1 AND s.account_id IS NOT NULL AND account_id = s.account_id AND user_id <> s.user_id
                   ) AS e)
                END AS events
           FROM subjects s
           LEFT JOIN progress p ON p.program_id = s.program_id AND p.user_id = s.user_id
           LEFT JOIN carried_achievements c ON c.program_id = s.program_id AND c.user_id = s.user_id
           LEFT JOIN unnest($3::text[], $4::int[]) AS w(user_id, version) ON w.user_id = s.user_id
          WHERE s.program_id = $1 AND s.user_id = ANY($2::text[])
       ) AS r ON true`,
    [programId, userIds, warm.map(([userId]) => userId), warm.map(([, version]) => version)],
  )
  const users = new Map<string, ProgressInputs>()
  for (const row of rows) {
    if (row.subject === null) continue
    users.set(row.subject.userId, {
      subject: row.subject,
      stored:
        row.snapshot === null
          ? undefined
          : { snapshot: row.snapshot, version: Number(row.version), nextChangeAt: row.next_change_at === null ? undefined : new Date(row.next_change_at).toISOString() },
      carried: row.carried ?? undefined,
      celebrations: row.celebrations ?? [],
      assignments: new Map(Object.entries(row.assignments ?? {})),
      events: row.events ?? undefined,
    })
  }
  return { activeVersion: rows[0]?.active_version ?? undefined, users }
}
