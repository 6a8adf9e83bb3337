import type { Criterion, Milestone } from '../schemas/program'

/**
 * For each composite milestone (`all` / `any`), the ids of the other milestones whose criterion is one of its
 * parts, at any depth: "Finish setting up" (all of: a project, 5 tasks, an invite) has "Create your first
 * project", "Add 5 tasks" and "Invite a teammate" as its children. Criteria are compared by value (key order
 * ignored). Milestones without children are absent. Computed once per list (a program's own `milestones`, so
 * once per program rather than once per subject evaluated with it).
 */
export function compositeChildren(milestones: readonly Milestone[]): ReadonlyMap<string, ReadonlySet<string>> {
  let children = cache.get(milestones)
  if (children === undefined) {
    children = findChildren(milestones)
    cache.set(milestones, children)
  }
  return children
}

const cache = new WeakMap<readonly Milestone[], ReadonlyMap<string, ReadonlySet<string>>>()

function findChildren(milestones: readonly Milestone[]): Map<string, Set<string>> {
  const idsByKey = new Map<string, string[]>()
  for (const milestone of milestones) {
    const key = criterionKey(milestone.criterion)
    idsByKey.set(key, [...(idsByKey.get(key) ?? []), milestone.id])
  }
  const result = new Map<string, Set<string>>()
  for (const milestone of milestones) {
    const found = new Set<string>()
    for (const part of partsOf(milestone.criterion)) {
      for (const id of idsByKey.get(criterionKey(part)) ?? []) if (id !== milestone.id) found.add(id)
    }
    if (found.size > 0) result.set(milestone.id, found)
  }
  return result
}

/** Every criterion nested inside a composite (not the composite itself); nothing for a leaf. */
function partsOf(criterion: Criterion): Criterion[] {
  if (criterion.kind !== 'all' && criterion.kind !== 'any') return []
  return criterion.of.flatMap((child) => [child, ...partsOf(child)])
}

/** Canonical text of a criterion: object keys sorted, so `{ event, atLeast }` equals `{ atLeast, event }`. */
function criterionKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(criterionKey).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${criterionKey(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
