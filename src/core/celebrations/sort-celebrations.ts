import type { Celebration, CelebrationKind } from '../schemas/progress'

// A finished level is the biggest moment, the badge it brings comes next, single milestones, then teammates' news.
const KIND_RANK: Record<CelebrationKind, number> = { level: 0, badge: 1, milestone: 2, team: 3 }

/** Level > badge > milestone, then priority (high first), then achievedAt (early first), then id. Returns a new array. */
export function sortCelebrations(list: readonly Celebration[]): Celebration[] {
  return [...list].sort(
    (a, b) =>
      KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
      b.priority - a.priority ||
      Date.parse(a.achievedAt) - Date.parse(b.achievedAt) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}
