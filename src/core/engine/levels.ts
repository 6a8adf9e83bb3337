import type { Program } from '../schemas/program'
import type { LevelProgress } from '../schemas/progress'
import type { MilestoneOutcome } from './milestone-state'

/** A level's public progress plus the moment it became complete (its badge's earnedAt). */
export interface LevelOutcome {
  readonly progress: LevelProgress
  readonly completedAt: number | undefined
}

/**
 * Levels in order. A level counts its milestones that are neither ineligible nor missed; it is complete when
 * all of those are achieved and the level before it is complete, at the later of the two moments — so a
 * level with nothing eligible completes with the level before it (the first one at signup). A level is
 * active when the one before it is complete, locked otherwise.
 */
export function evaluateLevels(
  program: Program,
  outcomes: ReadonlyMap<string, MilestoneOutcome>,
  signedUpAt: number,
): LevelOutcome[] {
  let previousCompletedAt: number | undefined = -Infinity
  return program.levels.map((level) => {
    let total = 0
    let completed = 0
    let settledAt = -Infinity
    let allSettled = true
    for (const id of level.milestones) {
      const outcome = outcomes.get(id)
      if (outcome === undefined || outcome.standing === 'ineligible') continue
      if (outcome.standing !== 'missed') total++
      if (outcome.standing === 'achieved') completed++
      if (outcome.settledAt === undefined) allSettled = false
      else settledAt = Math.max(settledAt, outcome.settledAt)
    }
    const unlocked = previousCompletedAt !== undefined
    let completedAt: number | undefined
    if (previousCompletedAt !== undefined && allSettled) {
      completedAt = Math.max(previousCompletedAt, settledAt)
      if (completedAt === -Infinity) completedAt = signedUpAt
    }
    previousCompletedAt = completedAt
    const state: LevelProgress['state'] = completedAt !== undefined ? 'complete' : unlocked ? 'active' : 'locked'
    return { progress: { id: level.id, state, completed, total }, completedAt }
  })
}
