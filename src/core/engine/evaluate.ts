import type { CairnEvent, Subject } from '../schemas/event'
import type { Program } from '../schemas/program'
import type { Progress } from '../schemas/progress'
import { buildProgress } from './build-progress'
import { evaluateCriterion } from './criterion'
import { EventStore } from './event-store'
import { toMs } from './iso'
import type { MilestonePlan, ProgramPlan } from './program-plan'
import { planProgram } from './program-plan'
import type { CriterionResult, EventLookup } from './types'

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** The moment progress is evaluated at; events after it are ignored. */
  now: Date | string
  /** Whose progress: their user id, account, signup, traits, consent and time zone. */
  subject: Subject
}

/** One milestone's criterion at `now`: the unit of work both evaluators share. */
export function evaluateMilestone(plan: ProgramPlan, milestone: MilestonePlan, events: EventLookup, now: number): CriterionResult {
  return evaluateCriterion(milestone.milestone.criterion, { now, scope: milestone.scope, events, calendar: plan.calendar })
}

/** Pure, deterministic: the same program, events (in any order, duplicates included) and options give the same Progress. */
export function evaluate(program: Program, events: readonly CairnEvent[], options: EvaluateOptions): Progress {
  const now = toMs(options.now)
  const plan = planProgram(program, options.subject)
  const store = EventStore.from(options.subject, events)
  const results = plan.milestones.map((milestone) => evaluateMilestone(plan, milestone, store.lookup, now))
  return buildProgress(plan, results, now)
}
