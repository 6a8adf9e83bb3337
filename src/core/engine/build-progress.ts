import type { Milestone } from '../schemas/program'
import type { MilestoneProgress, Progress } from '../schemas/progress'
import { toIso } from './iso'
import { evaluateLevels } from './levels'
import { milestoneProgress, settleMilestone, type MilestoneOutcome } from './milestone-state'
import { compositeChildren } from './composite-children'
import { nextSteps } from './next-steps'
import type { MilestonePlan, ProgramPlan } from './program-plan'
import { earnedBadges, unlockedFeatures } from './rewards'
import { evaluateSignals } from './signals/evaluate-signals'
import { evaluateSuppression } from './suppression'
import type { CriterionResult, EventIndex } from './types'
import { valueDelivered } from './value'

/** Categories that ask for more (invite, upgrade, refer): left out of next steps while a subject is suppressed. */
export const UPSELL_CATEGORIES: readonly Milestone['category'][] = ['growth', 'advocacy']

/** Progress at `now`, and the earliest later moment it can change without a new event (Infinity: never). */
export interface Assessment {
  readonly progress: Progress
  readonly nextChangeAt: number
}

/**
 * Turns per-milestone criterion results (indexed like `plan.milestones`) into Progress: deadlines and
 * eligibility, then levels, locking, badges, features, next steps and value; then signals and suppression,
 * which read the events and the finished milestones but never change them. Cheap: O(milestones) plus
 * O(log events) per signal.
 */
export function assessProgress(plan: ProgramPlan, results: readonly CriterionResult[], index: EventIndex, now: number): Assessment {
  const outcomes = new Map<string, MilestoneOutcome>()
  plan.milestones.forEach((milestonePlan, i) => {
    const result = results[i] as CriterionResult
    outcomes.set(milestonePlan.milestone.id, settleMilestone(milestonePlan, result, now))
  })
  const levels = evaluateLevels(plan.program, outcomes, plan.signedUpAt)

  // fromEntries defines own properties, so even a milestone id like "__proto__" stays a plain key.
  const milestones: Record<string, MilestoneProgress> = Object.fromEntries(
    [...outcomes.values()].map((outcome) => {
      const { levelIndex } = outcome.plan
      const locked = levelIndex !== undefined && levels[levelIndex]?.progress.state === 'locked'
      return [outcome.plan.milestone.id, milestoneProgress(outcome, locked, plan.iso)]
    }),
  )
  const signals = evaluateSignals(plan, index, milestones, outcomes, now)
  const suppression = evaluateSuppression(plan, index, now)
  // Time alone achieves a tenure milestone: nothing to do, so never a next step; nor is an upsell while suppressed.
  const suppressed = suppression.suppressed !== undefined
  const stepPlans = plan.milestones.filter((step) => step.milestone.criterion.kind !== 'tenure' && (!suppressed || notUpsell(step)))

  const progress: Progress = {
    programId: plan.program.id,
    programVersion: plan.program.version,
    evaluatedAt: toIso(now),
    milestones,
    levels: levels.map((level) => level.progress),
    badges: earnedBadges(plan.program, levels, outcomes.values(), plan.iso),
    unlockedFeatures: unlockedFeatures(plan.program, levels),
    // Children from the program's own list (cached per program): `stepPlans` is a new array on every evaluation.
    nextSteps: nextSteps(stepPlans, milestones, now, compositeChildren(plan.program.milestones)),
  }
  const value = valueDelivered(outcomes.values())
  if (value !== undefined) progress.value = value
  if (signals.states !== undefined) progress.signals = signals.states
  if (suppression.suppressed !== undefined) progress.suppressed = suppression.suppressed

  let nextChangeAt = Math.min(signals.nextChange, suppression.nextChange)
  for (const outcome of outcomes.values()) {
    nextChangeAt = Math.min(nextChangeAt, outcome.result.stableUntil)
    // An open milestone turns `missed` the moment after its deadline.
    const { dueAt } = outcome.plan
    if (outcome.standing === 'open' && dueAt !== undefined && dueAt >= now) nextChangeAt = Math.min(nextChangeAt, dueAt + 1)
  }
  return { progress, nextChangeAt }
}

/** Progress only (see `assessProgress`). */
export function buildProgress(plan: ProgramPlan, results: readonly CriterionResult[], index: EventIndex, now: number): Progress {
  return assessProgress(plan, results, index, now).progress
}

function notUpsell(plan: MilestonePlan): boolean {
  return !UPSELL_CATEGORIES.includes(plan.milestone.category)
}
