import type * as z from 'zod/mini'
import type { ChangeSetSchema, ProgramDiffSchema } from '../schemas/program-versions'

/** What one kind of part (milestones, levels, badges) gained, lost and changed between two versions, by id. */
export type ChangeSet = z.infer<typeof ChangeSetSchema>
/** A version's change summary against the version published before it. */
export type ProgramDiff = z.infer<typeof ProgramDiffSchema>

/** What a diff compares: any program, with its text resolved or as written (per-locale maps count as text). */
export interface ProgramParts {
  milestones: readonly { id: string }[]
  levels: readonly { id: string }[]
  badges: readonly { id: string }[]
}

/**
 * Milestones, levels and badges added, removed and changed (any field differs, e.g. a threshold or a title)
 * from `before` to `after`, each list in the order of the program that holds the part. Without `before`
 * (the first version) everything is added.
 */
export function diffPrograms(before: ProgramParts | undefined, after: ProgramParts): ProgramDiff {
  return {
    milestones: diffParts(before?.milestones ?? [], after.milestones),
    levels: diffParts(before?.levels ?? [], after.levels),
    badges: diffParts(before?.badges ?? [], after.badges),
  }
}

/** True when the summary names no change at all. */
export function isEmptyDiff(diff: ProgramDiff): boolean {
  return [diff.milestones, diff.levels, diff.badges].every((set) => set.added.length + set.removed.length + set.changed.length === 0)
}

function diffParts<T extends { id: string }>(before: readonly T[], after: readonly T[]): ChangeSet {
  const old = new Map(before.map((part) => [part.id, part]))
  const now = new Set(after.map((part) => part.id))
  const added: string[] = []
  const changed: string[] = []
  for (const part of after) {
    const previous = old.get(part.id)
    if (previous === undefined) added.push(part.id)
    else if (!sameJson(previous, part)) changed.push(part.id)
  }
  const removed = before.filter((part) => !now.has(part.id)).map((part) => part.id)
  return { added, removed, changed }
}

/** Deep equality of JSON values; object key order does not matter, array order does. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]))
  }
  const left = definedKeys(a as Record<string, unknown>)
  const right = definedKeys(b as Record<string, unknown>)
  return left.length === right.length && left.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

/** Keys with a value: `{ x: undefined }` and `{}` mean the same program. */
function definedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => value[key] !== undefined)
}
