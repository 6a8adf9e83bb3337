import type { MilestoneProgress, Progress } from '../schemas/progress'
import { toIso } from './iso'
import { evaluateLevels } from './levels'
import { milestoneProgress, settleMilestone, type MilestoneOutcome } from './milestone-state'
import { nextSteps } from './next-steps'
import type { ProgramPlan } from './program-plan'
import { earnedBadges, unlockedFeatures } from './rewards'
import type { CriterionResult } from './types'
import { valueDelivered } from './value'

/**
 * Turns per-milestone criterion results (indexed like `plan.milestones`) into Progress: deadlines and
 * eligibility, then levels, locking, badges, features, next steps and value. Cheap: O(milestones).
 */
export function buildProgress(plan: ProgramPlan, results: readonly CriterionResult[], now: number): Progress {
  const outcomes = new Map<string, MilestoneOutcome>()
  plan.milestones.forEach((milestonePlan, index) => {
    const result = results[index] as CriterionResult
    outcomes.set(milestonePlan.milestone.id, settleMilestone(milestonePlan, result, now))
  })
  const levels = evaluateLevels(plan.program, outcomes, plan.signedUpAt)

  // fromEntries defines own properties, so even a milestone id like "__proto__" stays a plain key.
  const milestones: Record<string, MilestoneProgress> = Object.fromEntries(
    [...outcomes.values()].map((outcome) => {
      const { levelIndex } = outcome.plan
      const locked = levelIndex !== undefined && levels[levelIndex]?.progress.state === 'locked'
      return [outcome.plan.milestone.id, milestoneProgress(outcome, locked)]
    }),
  )

  const progress: Progress = {
    programId: plan.program.id,
    programVersion: plan.program.version,
    evaluatedAt: toIso(now),
    milestones,
    levels: levels.map((level) => level.progress),
    badges: earnedBadges(plan.program, levels, outcomes.values()),
    unlockedFeatures: unlockedFeatures(plan.program, levels),
    nextSteps: nextSteps(plan.milestones, milestones, now),
  }
  const value = valueDelivered(outcomes.values())
  if (value !== undefined) progress.value = value
  return progress
}
