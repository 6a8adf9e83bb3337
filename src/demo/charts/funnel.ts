import type { Insights } from '../../core'

/** One step of the onboarding funnel, in program order across every level. */
export interface FunnelStep {
  milestoneId: string
  label: string
  levelId: string
  levelTitle: string
  /** People who achieved this step. */
  count: number
  /** `count` as a share of the people who could start (0–1). */
  ofStart: number
  /** Signed change from the step above (−0.35 = 35 % fewer); absent for the first step. */
  change?: number
  /** The step above belongs to another level: this change crosses a level boundary. */
  crossesLevel: boolean
}

export interface Funnel {
  /** People who could start: those eligible for the first step (else everyone in the program). */
  start: number
  steps: FunnelStep[]
}

/**
 * The funnel as one sequence on one scale: every level's steps in order, each compared with the step right
 * above it — across level boundaries too. Steps can be done out of order, so a change can be positive.
 */
export function funnelOf(insights: Insights): Funnel {
  const eligible = new Map(insights.milestones.map((m) => [m.id, m.eligible]))
  const flat = insights.levels.flatMap((level) => level.steps.map((step) => ({ step, level })))
  const first = flat[0]
  const start = (first && eligible.get(first.step.milestoneId)) || insights.subjects
  const steps = flat.map(({ step, level }, i): FunnelStep => {
    const above = flat[i - 1]
    const previous = above?.step.reached
    return {
      milestoneId: step.milestoneId,
      label: step.title,
      levelId: level.id,
      levelTitle: level.title,
      count: step.reached,
      ofStart: start > 0 ? step.reached / start : 0,
      ...(previous !== undefined && previous > 0 ? { change: (step.reached - previous) / previous } : {}),
      crossesLevel: above !== undefined && above.level.id !== level.id,
    }
  })
  return { start, steps }
}
