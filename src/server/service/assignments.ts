import {
  applyVariants, assignmentUnit, experimentArm, variantAssignments, variantSetId, type Program, type Subject,
} from '../../core'
import { readAssignments, recordAssignments, type AssignmentRow, type Queryable } from '../storage'
import { LruCache } from './lru-cache'

/** What one subject's unit (account, else user) was assigned: holdout or not, and a variant per milestone with variants. */
export interface SubjectAssignment {
  holdout: boolean
  /** Variant id by milestone id. */
  variants: Record<string, string>
}

/** Assignment is recorded on first sight and read back ever after, so changing weights never moves anyone. */
export interface Assigner {
  /** False when the program has neither an experiment nor variants (nothing is recorded then). */
  readonly active: boolean
  /**
   * The recorded assignment of each subject's unit (recording new units first), by user id. `recorded` holds arms
   * already read for some units (by set id), which are then not read again.
   */
  forSubjects(q: Queryable, subjects: readonly Subject[], recorded?: ReadonlyMap<string, ReadonlyMap<string, string>>): Promise<Map<string, SubjectAssignment>>
  /** The program as this assignment sees it (its variants' criteria); one shared object per combination. */
  programFor(assignment: SubjectAssignment | undefined): Program
}

/** Units whose assignment is kept in memory; recorded assignments never change, so the cache is always right. */
const ASSIGNMENT_CACHE_SIZE = 20_000
const NOBODY: SubjectAssignment = { holdout: false, variants: {} }

/** Records and reads assignments of `program` (DESIGN §7.6): experiment id and `variants:<milestoneId>` sets. */
export function createAssigner(program: Program): Assigner {
  const experiment = program.experiment
  const variantSets = program.milestones.flatMap((m) => (m.variants ? [{ milestoneId: m.id, setId: variantSetId(m.id), ids: new Set(m.variants.map((v) => v.id)) }] : []))
  const active = experiment !== undefined || variantSets.length > 0
  const cache = new LruCache<string, SubjectAssignment>(ASSIGNMENT_CACHE_SIZE)
  const programs = new Map<string, Program>()

  /** Rows a unit should have: the stored arm when it is still a valid arm, else a fresh one (to record). */
  const resolve = (unit: string, stored: Map<string, string>) => {
    const fresh: AssignmentRow[] = []
    const stale: AssignmentRow[] = []
    let holdout = false
    if (experiment) {
      const arm = stored.get(experiment.id)
      if (arm === 'holdout' || arm === 'treatment') holdout = arm === 'holdout'
      else {
        const computed = experimentArm(experiment, unit)
        holdout = computed === 'holdout'
        ;(arm === undefined ? fresh : stale).push({ setId: experiment.id, unit, arm: computed })
      }
    }
    const variants: Record<string, string> = {}
    let computed: Record<string, string> | undefined
    for (const set of variantSets) {
      const arm = stored.get(set.setId)
      if (arm !== undefined && set.ids.has(arm)) variants[set.milestoneId] = arm
      else {
        computed ??= variantAssignments(program, unit)
        const chosen = computed[set.milestoneId]!
        variants[set.milestoneId] = chosen
        // A recorded variant that no longer exists is the one case an assignment is replaced.
        ;(arm === undefined ? fresh : stale).push({ setId: set.setId, unit, arm: chosen })
      }
    }
    return { assignment: { holdout, variants }, fresh, stale }
  }

  return {
    active,
    async forSubjects(q, subjects, recorded) {
      const result = new Map<string, SubjectAssignment>()
      if (!active) return result
      const known = new Map<string, SubjectAssignment>()
      const missing = new Set<string>()
      for (const subject of subjects) {
        const unit = assignmentUnit(subject)
        const cached = cache.get(unit)
        if (cached) known.set(unit, cached)
        else missing.add(unit)
      }
      if (missing.size > 0) {
        const byUnit = new Map<string, Map<string, string>>()
        const remember = (row: AssignmentRow) => {
          let sets = byUnit.get(row.unit)
          if (!sets) byUnit.set(row.unit, (sets = new Map()))
          sets.set(row.setId, row.arm)
        }
        const unread = [...missing].filter((unit) => !recorded?.has(unit))
        for (const unit of missing) for (const [setId, arm] of recorded?.get(unit) ?? []) remember({ setId, unit, arm })
        for (const row of await readAssignments(q, program.id, unread)) remember(row)
        const fresh: AssignmentRow[] = []
        const stale: AssignmentRow[] = []
        for (const unit of missing) {
          const resolved = resolve(unit, byUnit.get(unit) ?? new Map())
          fresh.push(...resolved.fresh)
          stale.push(...resolved.stale)
          known.set(unit, resolved.assignment)
          // Only what was already stored is cached: a row written now could still roll back with its transaction.
          if (resolved.fresh.length === 0 && resolved.stale.length === 0) cache.set(unit, resolved.assignment)
        }
        if (fresh.length > 0 || stale.length > 0) {
          // Another process may have recorded a unit first: its row wins, and is what comes back.
          for (const row of await recordAssignments(q, program.id, fresh)) remember(row)
          for (const row of await recordAssignments(q, program.id, stale, true)) remember(row)
          for (const row of [...fresh, ...stale]) known.set(row.unit, resolve(row.unit, byUnit.get(row.unit) ?? new Map()).assignment)
        }
      }
      for (const subject of subjects) result.set(subject.userId, known.get(assignmentUnit(subject)) ?? NOBODY)
      return result
    },
    programFor(assignment) {
      if (!assignment || variantSets.length === 0) return program
      const key = JSON.stringify(variantSets.map((set) => assignment.variants[set.milestoneId] ?? ''))
      let resolved = programs.get(key)
      if (!resolved) programs.set(key, (resolved = applyVariants(program, assignment.variants)))
      return resolved
    },
  }
}
