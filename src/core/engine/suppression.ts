import type { Progress } from '../schemas/progress'
import { matchesTraits } from './eligibility'
import type { ProgramPlan } from './program-plan'
import { firstAfter, lastAtOrBefore, listsFor } from './signals/event-times'
import type { EventIndex, Scope } from './types'

/** Whether the subject is suppressed at `now`, and the earliest moment that can change without a new event. */
export interface SuppressionAt {
  readonly suppressed: Progress['suppressed']
  readonly nextChange: number
}

/**
 * DESIGN §7.2. Suppressed while any listed trait holds one of its values (reason `trait:<name>`), or while a
 * `between` pair is open: its latest start event at or before `now` has no end event at or after it
 * (reason `between:<start>`). Start and end events are read from the subject's own events and, with an
 * account, the account's — a support case is usually opened for the whole account. Traits come first.
 */
export function evaluateSuppression(plan: ProgramPlan, index: EventIndex, now: number): SuppressionAt {
  const rules = plan.program.suppress
  if (rules === undefined) return { suppressed: undefined, nextChange: Infinity }
  const { subject } = plan
  for (const trait of Object.keys(rules.traits ?? {})) {
    if (matchesTraits({ [trait]: rules.traits?.[trait] ?? [] }, subject)) {
      return { suppressed: { reason: `trait:${trait}` }, nextChange: nextPairEvent(plan, index, now) }
    }
  }
  const scopes: Scope[] = subject.accountId === undefined ? ['user'] : ['user', 'account']
  for (const pair of rules.between ?? []) {
    const start = lastAtOrBefore(listsFor(index, scopes, pair.start), now)
    if (start === undefined) continue
    const end = lastAtOrBefore(listsFor(index, scopes, pair.end), now)
    if (end === undefined || end < start) return { suppressed: { reason: `between:${pair.start}` }, nextChange: nextPairEvent(plan, index, now) }
  }
  return { suppressed: undefined, nextChange: nextPairEvent(plan, index, now) }
}

/** Only a start or end event arriving later can open or close a window. */
function nextPairEvent(plan: ProgramPlan, index: EventIndex, now: number): number {
  const scopes: Scope[] = plan.subject.accountId === undefined ? ['user'] : ['user', 'account']
  let next = Infinity
  for (const pair of plan.program.suppress?.between ?? []) {
    next = Math.min(next, firstAfter(listsFor(index, scopes, pair.start), now), firstAfter(listsFor(index, scopes, pair.end), now))
  }
  return next
}
