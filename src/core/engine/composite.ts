import type { CriterionResult } from './types'

/**
 * `all`: achieved when its last child is (children count once achieved, even if a window has since emptied);
 * reports achieved children out of all children.
 */
export function combineAll(children: readonly CriterionResult[]): CriterionResult {
  let achieved = 0
  let latest = -Infinity
  for (const child of children) {
    if (child.achievedAt === undefined) continue
    achieved++
    latest = Math.max(latest, child.achievedAt)
  }
  return {
    current: achieved,
    target: children.length,
    achievedAt: children.length > 0 && achieved === children.length ? latest : undefined,
    stableUntil: earliestChange(children),
  }
}

/**
 * `any`: achieved at its first child's achievedAt; reports the child closest to done — the child that
 * achieved first, else the highest current/target, ties to the earlier child.
 */
export function combineAny(children: readonly CriterionResult[]): CriterionResult {
  let closest: CriterionResult | undefined
  for (const child of children) {
    if (closest === undefined || isCloser(child, closest)) closest = child
  }
  return {
    current: closest?.current ?? 0,
    target: closest?.target ?? 0,
    achievedAt: closest?.achievedAt,
    stableUntil: earliestChange(children),
  }
}

function isCloser(candidate: CriterionResult, best: CriterionResult): boolean {
  if (candidate.achievedAt !== undefined || best.achievedAt !== undefined) {
    return candidate.achievedAt !== undefined && (best.achievedAt === undefined || candidate.achievedAt < best.achievedAt)
  }
  return ratio(candidate) > ratio(best)
}

function ratio(result: CriterionResult): number {
  return result.target > 0 ? Math.min(Math.max(result.current / result.target, 0), 1) : 0
}

function earliestChange(children: readonly CriterionResult[]): number {
  let earliest = Infinity
  for (const child of children) earliest = Math.min(earliest, child.stableUntil)
  return earliest
}
