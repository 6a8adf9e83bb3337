import type { Program } from '../schemas/program'
import type { Progress } from '../schemas/progress'

/**
 * When each complete level became complete, by level id (levels that are not complete are absent).
 *
 * Progress carries no timestamp on levels, so the moment is reconstructed the way the engine defines it
 * (DESIGN §3 "Levels"): the level's badge `earnedAt` when it has one, otherwise the later of its last
 * milestone's `achievedAt` and the previous level's completion. A complete level with no achieved
 * milestone and no earlier level (everything ineligible) has no known moment and maps to `undefined`.
 */
export function levelCompletionTimes(program: Program, progress: Progress): Map<string, string | undefined> {
  const times = new Map<string, string | undefined>()
  const stateOf = new Map(progress.levels.map((level) => [level.id, level.state]))
  const earnedAt = new Map(progress.badges.map((badge) => [badge.id, badge.earnedAt]))
  let previous: string | undefined

  for (const level of program.levels) {
    if (stateOf.get(level.id) !== 'complete') break // later levels cannot be complete either
    const badge = level.unlocks?.badge
    const fromBadge = badge === undefined ? undefined : earnedAt.get(badge)
    const achieved = level.milestones.map((id) => progress.milestones[id]?.achievedAt)
    const at = fromBadge ?? latest([previous, ...achieved])
    times.set(level.id, at)
    previous = at
  }
  return times
}

/** The latest of some ISO timestamps, as given (not re-formatted); undefined when none is set. */
function latest(times: readonly (string | undefined)[]): string | undefined {
  let best: string | undefined
  for (const time of times) {
    if (time !== undefined && (best === undefined || Date.parse(time) > Date.parse(best))) best = time
  }
  return best
}
