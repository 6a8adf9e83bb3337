import type { Program } from '../../schemas/program'
import type { MilestoneProgress, SignalState } from '../../schemas/progress'
import { isEligible } from '../eligibility'
import type { MilestoneOutcome } from '../milestone-state'
import type { ProgramPlan } from '../program-plan'
import type { EventIndex, Scope } from '../types'
import { listsFor } from './event-times'
import { evaluateInactive } from './inactive'
import { evaluateStalled } from './stalled'
import type { SignalOutcome } from './types'
import { evaluateUsageDrop } from './usage-drop'

/** Ids of milestones a person can work towards: all but pure tenure ones, which time alone achieves. Once per plan. */
function actionable(plan: ProgramPlan): ReadonlySet<string> {
  let ids = actionableByPlan.get(plan)
  if (ids === undefined) {
    ids = new Set(plan.milestones.filter((m) => m.milestone.criterion.kind !== 'tenure').map((m) => m.milestone.id))
    actionableByPlan.set(plan, ids)
  }
  return ids
}

const actionableByPlan = new WeakMap<ProgramPlan, ReadonlySet<string>>()

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
  /** The same milestones' outcomes: `stalled` reads achievement times as numbers rather than parsing them back. */
  outcomes: ReadonlyMap<string, MilestoneOutcome>,
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
        outcome = evaluateStalled(signal.criterion, milestones, outcomes, actionable(plan), signedUpAt, now)
        break
    }
    nextChange = Math.min(nextChange, outcome.nextChange)
    const state: SignalState = { id: signal.id, state: outcome.state }
    if (outcome.since !== undefined) state.since = plan.iso(outcome.since)
    if (outcome.clearedAt !== undefined) state.clearedAt = plan.iso(outcome.clearedAt)
    states.push(state)
  }
  return { states, nextChange }
}
