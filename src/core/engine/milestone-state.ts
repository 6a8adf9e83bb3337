import type { MilestoneProgress } from '../schemas/progress'
import type { MilestonePlan } from './program-plan'
import type { CriterionResult } from './types'

/** A milestone's standing before level locking is applied (locking needs every level's outcome first). */
export interface MilestoneOutcome {
  readonly plan: MilestonePlan
  readonly result: CriterionResult
  readonly standing: 'ineligible' | 'achieved' | 'missed' | 'open'
  /**
   * When the milestone stopped holding its level back: its achievedAt, or its dueAt once missed (a missed step
   * leaves the level's total, and catching up later does not move that moment). Undefined while it still blocks.
   */
  readonly settledAt: number | undefined
}

/** Applies eligibility and the deadline rules to a criterion result at `now`. */
export function settleMilestone(plan: MilestonePlan, result: CriterionResult, now: number): MilestoneOutcome {
  const { dueAt } = plan
  if (!plan.eligible) return { plan, result, standing: 'ineligible', settledAt: undefined }
  if (result.achievedAt !== undefined) {
    const settledAt = dueAt === undefined ? result.achievedAt : Math.min(result.achievedAt, dueAt)
    return { plan, result, standing: 'achieved', settledAt }
  }
  if (dueAt !== undefined && now > dueAt) return { plan, result, standing: 'missed', settledAt: dueAt }
  return { plan, result, standing: 'open', settledAt: undefined }
}

/**
 * The public MilestoneProgress. State order: ineligible > achieved > missed > locked > in_progress > available.
 * Ineligible milestones report only their numbers: no achievement or deadline applies to them. `iso` formats
 * times (the plan's memo).
 */
export function milestoneProgress(outcome: MilestoneOutcome, levelLocked: boolean, iso: (ms: number) => string): MilestoneProgress {
  const { current, target, achievedAt } = outcome.result
  const { dueAt } = outcome.plan
  if (outcome.standing === 'ineligible') return { state: 'ineligible', current, target }

  const progress: MilestoneProgress = { state: openState(outcome, levelLocked), current, target }
  if (achievedAt !== undefined) progress.achievedAt = iso(achievedAt)
  if (dueAt !== undefined) progress.dueAt = iso(dueAt)
  if (achievedAt !== undefined && dueAt !== undefined && achievedAt > dueAt) progress.late = true
  return progress
}

function openState(outcome: MilestoneOutcome, levelLocked: boolean): MilestoneProgress['state'] {
  if (outcome.standing === 'achieved' || outcome.standing === 'missed') return outcome.standing
  if (levelLocked) return 'locked'
  return outcome.result.current > 0 ? 'in_progress' : 'available'
}
