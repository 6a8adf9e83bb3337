import type { NextStep, MilestoneProgress } from '../schemas/progress'
import { compositeChildren } from './composite-children'
import type { MilestonePlan } from './program-plan'
import { stepReason } from './step-reason'

/** The widget shows one step prominently and a couple more beside it. */
const MAX_NEXT_STEPS = 3

interface OpenStep {
  plan: MilestonePlan
  progress: MilestoneProgress
  closeness: number
}

/**
 * Open steps (available or in progress — never locked, achieved, missed or ineligible), best first.
 * Two tiers come before DESIGN §3's order: the open milestones of the active level lead (an open milestone in
 * a level can only be in the active one: later levels are locked, earlier ones complete), then milestones in
 * no level. Within a tier: higher priority, then nearer deadline, then closer to done, then program order.
 * Last, a composite (`all` / `any`) never comes before one of its own open children: it waits right after
 * the last of them, since doing the children is how it gets done.
 */
export function nextSteps(
  plans: readonly MilestonePlan[],
  progressById: Readonly<Record<string, MilestoneProgress>>,
  now: number,
  /**
   * `compositeChildren` of the milestones of `plans` or of any list containing them (only open children hold a composite back), so
   * a caller that filters its plans per evaluation can pass the children of the unfiltered, long-lived list.
   * @default compositeChildren of the plans' milestones
   */
  children: ReadonlyMap<string, ReadonlySet<string>> = compositeChildren(plans.map((plan) => plan.milestone)),
): NextStep[] {
  const open = plans.flatMap((plan): OpenStep[] => {
    const progress = progressById[plan.milestone.id]
    if (progress === undefined || (progress.state !== 'available' && progress.state !== 'in_progress')) return []
    return [{ plan, progress, closeness: closeness(progress) }]
  })
  open.sort(
    (a, b) =>
      tier(a) - tier(b) ||
      (b.plan.milestone.priority ?? 0) - (a.plan.milestone.priority ?? 0) ||
      (a.plan.dueAt ?? Infinity) - (b.plan.dueAt ?? Infinity) ||
      b.closeness - a.closeness ||
      a.plan.index - b.plan.index,
  )
  return childrenFirst(open, children)
    .slice(0, MAX_NEXT_STEPS)
    .map(({ plan, progress }) => {
      const { milestone } = plan
      const step: NextStep = { milestoneId: milestone.id, title: milestone.title, reason: stepReason(milestone, progress, plan.dueAt, now) }
      if (milestone.cta !== undefined) step.cta = milestone.cta
      return step
    })
}

/** 0 for the active level's milestones, 1 for milestones in no level. */
function tier(step: OpenStep): number {
  return step.plan.levelIndex === undefined ? 1 : 0
}

/** `sorted` with every composite held back until each of its open children has been placed. */
function childrenFirst(sorted: readonly OpenStep[], children: ReadonlyMap<string, ReadonlySet<string>>): OpenStep[] {
  const openIds = new Set(sorted.map((step) => step.plan.milestone.id))
  const placed = new Set<string>()
  const waiting: OpenStep[] = []
  const result: OpenStep[] = []
  const ready = (step: OpenStep) => [...(children.get(step.plan.milestone.id) ?? [])].every((id) => placed.has(id) || !openIds.has(id))
  const place = (step: OpenStep) => {
    result.push(step)
    placed.add(step.plan.milestone.id)
    // Placing a child may free composites that waited for it (and those, in turn, their own parents).
    for (let i = 0; i < waiting.length; ) {
      const parent = waiting[i] as OpenStep
      if (ready(parent)) {
        waiting.splice(i, 1)
        place(parent)
        i = 0
      } else i++
    }
  }
  for (const step of sorted) {
    if (ready(step)) place(step)
    else waiting.push(step)
  }
  // Unreachable for finite criteria (a criterion cannot contain itself), kept so no step is ever dropped.
  result.push(...waiting)
  return result
}

function closeness(progress: MilestoneProgress): number {
  return progress.target > 0 ? Math.min(Math.max(progress.current / progress.target, 0), 1) : 0
}
