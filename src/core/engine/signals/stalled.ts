import type { SignalCriterion } from '../../schemas/program'
import type { MilestoneProgress } from '../../schemas/progress'
import type { MilestoneOutcome } from '../milestone-state'
import { DAY_MS } from '../types'
import type { SignalOutcome } from './types'

type Stalled = Extract<SignalCriterion, { kind: 'stalled' }>

/**
 * Active when at least one milestone the person can work on is open (available or in progress — a pure tenure
 * milestone is reached by waiting, so it counts neither as open nor as achieved), none was achieved in
 * `(now − days×24h, now]` and signup is at least that long ago: from `max(last achievedAt, signedUpAt) +
 * days×24h` on. Only that moment is time-driven; achievements and deadlines reach it through the milestones.
 */
export function evaluateStalled(
  criterion: Stalled,
  milestones: Readonly<Record<string, MilestoneProgress>>,
  outcomes: ReadonlyMap<string, MilestoneOutcome>,
  actionable: ReadonlySet<string>,
  signedUpAt: number,
  now: number,
): SignalOutcome {
  let open = false
  let lastAchieved = -Infinity
  for (const [id, milestone] of Object.entries(milestones)) {
    if (!actionable.has(id)) continue
    if (milestone.state === 'available' || milestone.state === 'in_progress') open = true
    // `achievedAt` is this outcome's time, formatted: read the number instead of parsing the text back.
    const achievedAt = milestone.achievedAt === undefined ? undefined : outcomes.get(id)?.result.achievedAt
    if (achievedAt !== undefined) lastAchieved = Math.max(lastAchieved, achievedAt)
  }
  const activeAt = Math.max(lastAchieved, signedUpAt) + criterion.days * DAY_MS
  if (open && now >= activeAt) return { state: 'active', since: activeAt, nextChange: Infinity }
  return { state: 'clear', since: undefined, nextChange: open && activeAt > now ? activeAt : Infinity }
}
