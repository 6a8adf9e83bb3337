import type { NextStep, MilestoneProgress } from '../schemas/progress'
import type { MilestonePlan } from './program-plan'
import { stepReason } from './step-reason'

/** The widget shows one step prominently and a couple more beside it. */
const MAX_NEXT_STEPS = 3

/**
 * Open steps (available or in progress — never locked, achieved, missed or ineligible), best first:
 * higher priority, then nearer deadline, then closer to done, then program order.
 */
export function nextSteps(
  plans: readonly MilestonePlan[],
  progressById: Readonly<Record<string, MilestoneProgress>>,
  now: number,
): NextStep[] {
  const open = plans.flatMap((plan) => {
    const progress = progressById[plan.milestone.id]
    if (progress === undefined || (progress.state !== 'available' && progress.state !== 'in_progress')) return []
    return [{ plan, progress, closeness: closeness(progress) }]
  })
  open.sort(
    (a, b) =>
      (b.plan.milestone.priority ?? 0) - (a.plan.milestone.priority ?? 0) ||
      (a.plan.dueAt ?? Infinity) - (b.plan.dueAt ?? Infinity) ||
      b.closeness - a.closeness ||
      a.plan.index - b.plan.index,
  )
  return open.slice(0, MAX_NEXT_STEPS).map(({ plan, progress }) => {
    const { milestone } = plan
    const step: NextStep = { milestoneId: milestone.id, title: milestone.title, reason: stepReason(milestone, progress, plan.dueAt, now) }
    if (milestone.cta !== undefined) step.cta = milestone.cta
    return step
  })
}

function closeness(progress: MilestoneProgress): number {
  return progress.target > 0 ? Math.min(Math.max(progress.current / progress.target, 0), 1) : 0
}
