import type { CairnEvent, Subject } from '../schemas/event'
import type { Program } from '../schemas/program'
import type { Progress } from '../schemas/progress'
import { assessProgress, type Assessment } from './build-progress'
import { evaluateCriterion } from './criterion'
import { EventStore } from './event-store'
import { toIso, toMs } from './iso'
import type { MilestonePlan, ProgramPlan } from './program-plan'
import { planProgram } from './program-plan'
import type { CriterionResult, EventLookup, SweepMemo } from './types'

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** The moment progress is evaluated at; events after it are ignored. */
  now: Date | string
  /** Whose progress: their user id, account, signup, traits, consent and time zone. */
  subject: Subject
}

/** One milestone's criterion at `now`: the unit of work both evaluators share. */
export function evaluateMilestone(plan: ProgramPlan, milestone: MilestonePlan, events: EventLookup, now: number, sweeps?: SweepMemo): CriterionResult {
  const context = { now, scope: milestone.scope, events, calendar: plan.calendar, subject: plan.subject, ...(sweeps && { sweeps }) }
  return evaluateCriterion(milestone.milestone.criterion, context)
}

function assess(program: Program, events: readonly CairnEvent[], options: EvaluateOptions): Assessment {
  const now = toMs(options.now)
  const plan = planProgram(program, options.subject)
  const store = EventStore.from(options.subject, events)
  const results = plan.milestones.map((milestone) => evaluateMilestone(plan, milestone, store.lookup, now))
  return assessProgress(plan, results, store, now)
}

/** Pure, deterministic: the same program, events (in any order, duplicates included) and options give the same Progress. */
export function evaluate(program: Program, events: readonly CairnEvent[], options: EvaluateOptions): Progress {
  return assess(program, events, options).progress
}

/**
 * When this subject's progress next changes if no event arrives: the earliest moment after `now` at which a
 * milestone (state, count, achievement), level, badge, signal or suppression can differ from its value at
 * `now` — a window emptying, a tenure day passing, a deadline passing, an inactivity signal coming due.
 * Conservative (it may name a moment where nothing visible changes, never a moment too late); a next step's
 * wording ("Due in 3 days") is not tracked. Undefined when nothing changes without new events.
 */
export function nextChangeAt(program: Program, events: readonly CairnEvent[], options: EvaluateOptions): string | undefined {
  return finiteIso(assess(program, events, options).nextChangeAt)
}

/** An ISO time, or undefined for Infinity and moments a Date cannot hold. @default iso toIso */
export function finiteIso(ms: number, iso: (ms: number) => string = toIso): string | undefined {
  return Number.isFinite(ms) && Math.abs(ms) <= LATEST_DATE_MS ? iso(ms) : undefined
}

const LATEST_DATE_MS = 8.64e15
