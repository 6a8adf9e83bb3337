import type { Program } from '../../schemas/program'
import type { MilestoneProgress, SignalState } from '../../schemas/progress'
import { isEligible } from '../eligibility'
import { toIso } from '../iso'
import type { ProgramPlan } from '../program-plan'
import type { EventIndex, Scope } from '../types'
import { listsFor } from './event-times'
import { evaluateInactive } from './inactive'
import { evaluateStalled } from './stalled'
import type { SignalOutcome } from './types'
import { evaluateUsageDrop } from './usage-drop'

/** Ids of milestones a person can work towards: all but pure tenure ones, which time alone achieves. */
function actionable(plan: ProgramPlan): ReadonlySet<string> {
  return new Set(plan.milestones.filter((m) => m.milestone.criterion.kind !== 'tenure').map((m) => m.milestone.id))
}

/** The program's signals for one subject at `now`, and the earliest moment one of them can change by time alone. */
export interface SignalsAt {
  /** Undefined when the program declares no signals (Progress then carries no `signals` field). */
  readonly states: SignalState[] | undefined
  readonly nextChange: number
}

/**
 * Every signal the subject is eligible for, in program order. A signal of unit `account` reads every user's
 * events of the subject's account (a subject without an account falls back to its own). Signals never touch
 * milestones, levels or totals: they are read from the events and the finished milestone progress.
 */
export function evaluateSignals(
  plan: ProgramPlan,
  index: EventIndex,
  milestones: Readonly<Record<string, MilestoneProgress>>,
  now: number,
): SignalsAt {
  const signals: Program['signals'] = plan.program.signals
  if (signals === undefined) return { states: undefined, nextChange: Infinity }
  const { subject, signedUpAt } = plan
  const states: SignalState[] = []
  let nextChange = Infinity
  for (const signal of signals) {
    if (!isEligible(signal.eligibility, subject)) continue
    const scope: Scope = signal.unit === 'account' && subject.accountId !== undefined ? 'account' : 'user'
    let outcome: SignalOutcome
    switch (signal.criterion.kind) {
      case 'inactive':
        outcome = evaluateInactive(signal.criterion, listsFor(index, [scope], signal.criterion.event), signedUpAt, now)
        break
      case 'usage_drop':
        outcome = evaluateUsageDrop(signal.criterion, listsFor(index, [scope], signal.criterion.event), now)
        break
      case 'stalled':
        outcome = evaluateStalled(signal.criterion, milestones, actionable(plan), signedUpAt, now)
        break
    }
    nextChange = Math.min(nextChange, outcome.nextChange)
    const state: SignalState = { id: signal.id, state: outcome.state }
    if (outcome.since !== undefined) state.since = toIso(outcome.since)
    if (outcome.clearedAt !== undefined) state.clearedAt = toIso(outcome.clearedAt)
    states.push(state)
  }
  return { states, nextChange }
}
