import type { Progress } from '../schemas/progress'

/**
 * Achievements a subject keeps across program versions even where the active version would not grant them
 * (a threshold rose, an eligibility rule appeared, a milestone left and came back): milestone id → achievedAt,
 * complete level ids, badge id → earnedAt. Only ever grows.
 */
export interface CarriedAchievements {
  milestones: Record<string, string>
  levels: string[]
  badges: Record<string, string>
}

/** Nothing carried. */
export function noCarriedAchievements(): CarriedAchievements {
  return { milestones: {}, levels: [], badges: {} }
}

/** Everything a progress snapshot shows as achieved, complete or earned. */
export function achievementsOf(progress: Progress): CarriedAchievements {
  const milestones: Record<string, string> = {}
  for (const [id, milestone] of Object.entries(progress.milestones)) {
    // An ineligible milestone reports no achievedAt; one achieved and then hidden is not known here.
    if (milestone.state === 'achieved' && milestone.achievedAt !== undefined) milestones[id] = milestone.achievedAt
  }
  return {
    milestones,
    levels: progress.levels.filter((level) => level.state === 'complete').map((level) => level.id),
    badges: Object.fromEntries(progress.badges.map((badge) => [badge.id, badge.earnedAt])),
  }
}

/** Both sets together; a part in both keeps its earlier moment. */
export function unionAchievements(a: CarriedAchievements, b: CarriedAchievements): CarriedAchievements {
  return {
    milestones: earliestOf(a.milestones, b.milestones),
    levels: [...new Set([...a.levels, ...b.levels])],
    badges: earliestOf(a.badges, b.badges),
  }
}

/**
 * What `carried` holds that `progress` does not show by itself — the part worth storing. Dropping what the
 * evaluation reproduces keeps the engine's own rules (say, a trait change making a milestone ineligible) for it.
 */
export function beyondProgress(carried: CarriedAchievements, progress: Progress): CarriedAchievements {
  const shown = achievementsOf(progress)
  const notEarlier = (mine: Record<string, string>, theirs: Record<string, string>) =>
    Object.fromEntries(Object.entries(mine).filter(([id, at]) => theirs[id] === undefined || Date.parse(at) < Date.parse(theirs[id]!)))
  return {
    milestones: notEarlier(carried.milestones, shown.milestones),
    levels: carried.levels.filter((id) => !shown.levels.includes(id)),
    badges: notEarlier(carried.badges, shown.badges),
  }
}

/** True when nothing is carried. */
export function isEmptyCarry(carried: CarriedAchievements | undefined): boolean {
  return carried === undefined || (Object.keys(carried.milestones).length === 0 && carried.levels.length === 0 && Object.keys(carried.badges).length === 0)
}

function earliestOf(a: Record<string, string>, b: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...a }
  for (const [id, at] of Object.entries(b)) {
    const mine = out[id]
    if (mine === undefined || Date.parse(at) < Date.parse(mine)) out[id] = at
  }
  return out
}
