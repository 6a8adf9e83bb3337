import type { Queryable } from './types'

/** One recorded assignment: in set `setId` (experiment id or `variants:<milestoneId>`), `unit` is in `arm`. */
export interface AssignmentRow {
  setId: string
  unit: string
  arm: string
}

/** Recorded assignments of the given units (every set), or of the whole program when `units` is omitted. */
export async function readAssignments(q: Queryable, programId: string, units?: readonly string[]): Promise<AssignmentRow[]> {
  if (units !== undefined && units.length === 0) return []
  const rows = await q.query<{ set_id: string; unit: string; arm: string }>(
    units === undefined
      ? 'SELECT set_id, unit, arm FROM assignments WHERE program_id = $1'
      : 'SELECT set_id, unit, arm FROM assignments WHERE program_id = $1 AND unit = ANY($2::text[])',
    units === undefined ? [programId] : [programId, units],
  )
  return rows.map((r) => ({ setId: r.set_id, unit: r.unit, arm: r.arm }))
}

/**
 * Records assignments; a row another process wrote first wins (`replace` only overwrites rows whose arm no
 * longer exists, such as a removed variant). Returns the arms now stored for these rows.
 */
export async function recordAssignments(q: Queryable, programId: string, rows: readonly AssignmentRow[], replace = false): Promise<AssignmentRow[]> {
  if (rows.length === 0) return []
  // Stable order, so two writers inserting overlapping rows lock them in the same order.
  const sorted = [...rows].sort((a, b) => (a.setId === b.setId ? (a.unit < b.unit ? -1 : 1) : a.setId < b.setId ? -1 : 1))
  const stored = await q.query<{ set_id: string; unit: string; arm: string }>(
    `INSERT INTO assignments (program_id, set_id, unit, arm)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])
     ON CONFLICT (program_id, set_id, unit) DO UPDATE SET arm = ${replace ? 'excluded.arm' : 'assignments.arm'}
     RETURNING set_id, unit, arm`,
    [programId, sorted.map((r) => r.setId), sorted.map((r) => r.unit), sorted.map((r) => r.arm)],
  )
  return stored.map((r) => ({ setId: r.set_id, unit: r.unit, arm: r.arm }))
}
