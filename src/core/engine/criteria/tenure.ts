import type { Subject } from '../../schemas/event'
import type { Criterion, LeafCriterion } from '../../schemas/program'
import { DAY_MS, type CriterionContext, type CriterionResult } from '../types'

type TenureCriterion = Extract<LeafCriterion, { kind: 'tenure' }>

// A trait counts as a date only in ISO 8601 form ("2025-04-01" or a full timestamp), never "04/01/2025".
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:$|T)/

/**
 * Where a tenure is counted from: the ISO date in trait `from`, else signedUpAt. Undefined when the trait is
 * missing or holds no ISO date — the milestone is then ineligible (DESIGN §7.1).
 */
export function tenureAnchor(from: string | undefined, subject: Subject): number | undefined {
  if (from === undefined) {
    const signedUpAt = Date.parse(subject.signedUpAt)
    return Number.isNaN(signedUpAt) ? undefined : signedUpAt
  }
  const traits = subject.traits ?? {}
  const value = Object.hasOwn(traits, from) ? traits[from] : undefined
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

/** True when every tenure in the tree has an anchor; a tree without tenure is always countable. */
export function tenureAnchorsValid(criterion: Criterion, subject: Subject): boolean {
  if (criterion.kind === 'all' || criterion.kind === 'any') return criterion.of.every((child) => tenureAnchorsValid(child, subject))
  return criterion.kind !== 'tenure' || tenureAnchor(criterion.from, subject) !== undefined
}

/**
 * Achieved at `anchor + days × 24 h` once `now` has reached it; `current` is the whole 24-hour periods
 * elapsed since the anchor (never negative, not calendar days), `target` is `days`. The count ticks once a
 * day, so the result holds until the next whole period.
 */
export function evaluateTenure(criterion: TenureCriterion, context: CriterionContext): CriterionResult {
  const anchor = tenureAnchor(criterion.from, context.subject)
  if (anchor === undefined) return { current: 0, target: criterion.days, achievedAt: undefined, stableUntil: Infinity }
  const at = anchor + criterion.days * DAY_MS
  const elapsed = Math.floor((context.now - anchor) / DAY_MS)
  const current = Math.max(0, elapsed)
  return {
    current,
    target: criterion.days,
    achievedAt: context.now >= at ? at : undefined,
    stableUntil: anchor + (current + 1) * DAY_MS,
  }
}
