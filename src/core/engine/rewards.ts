import { featureId, type Program } from '../schemas/program'
import type { Progress } from '../schemas/progress'
import type { LevelOutcome } from './levels'
import type { MilestoneOutcome } from './milestone-state'

/**
 * Badges earned from completed levels (at the level's completion) and achieved milestones (at achievedAt).
 * A badge granted twice keeps its earliest moment. Oldest first, ties in the program's badge order. `iso` formats
 * times (the plan's memo).
 */
export function earnedBadges(program: Program, levels: readonly LevelOutcome[], outcomes: Iterable<MilestoneOutcome>, iso: (ms: number) => string): Progress['badges'] {
  const earned = new Map<string, number>()
  const grant = (badge: string | undefined, at: number | undefined) => {
    if (badge === undefined || at === undefined) return
    const before = earned.get(badge)
    if (before === undefined || at < before) earned.set(badge, at)
  }
  program.levels.forEach((level, index) => grant(level.unlocks?.badge, levels[index]?.completedAt))
  for (const outcome of outcomes) {
    if (outcome.standing === 'achieved') grant(outcome.plan.milestone.badge, outcome.result.achievedAt)
  }
  const programOrder = new Map(program.badges.map((badge, index) => [badge.id, index]))
  const orderOf = (id: string) => programOrder.get(id) ?? Number.MAX_SAFE_INTEGER
  return [...earned]
    .sort(([a, atA], [b, atB]) => atA - atB || orderOf(a) - orderOf(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, at]) => ({ id, earnedAt: iso(at) }))
}

/** Features unlocked by completed levels, in level order, each once. */
export function unlockedFeatures(program: Program, levels: readonly LevelOutcome[]): string[] {
  const features = new Set<string>()
  program.levels.forEach((level, index) => {
    if (levels[index]?.completedAt === undefined) return
    for (const feature of level.unlocks?.features ?? []) features.add(featureId(feature))
  })
  return [...features]
}
