import type { Program } from '../schemas/program'
import type { Celebration, Progress } from '../schemas/progress'
import { levelCompletionTimes } from './level-completed-at'
import { sortCelebrations } from './sort-celebrations'

/** Deterministic per user, so the same achievement is one celebration on every device. */
export function celebrationId(kind: Celebration['kind'], refId: string): string {
  return `${kind}:${refId}`
}

/**
 * What a celebration says, read from the program: the title of the milestone, level or badge, and the
 * level's unlock message or the badge's description. `undefined` when the program has no such item.
 * Used when a celebration is created and again when the API answers in another locale.
 */
export function celebrationText(program: Program, kind: string, refId: string): { title: string; message?: string } | undefined {
  if (kind === 'milestone' || kind === 'team') {
    const milestone = program.milestones.find((m) => m.id === refId)
    return milestone && { title: milestone.title }
  }
  if (kind === 'level') {
    const level = program.levels.find((l) => l.id === refId)
    return level && { title: level.title, ...(level.unlocks?.message !== undefined && { message: level.unlocks.message }) }
  }
  if (kind === 'badge') {
    const badge = program.badges.find((b) => b.id === refId)
    return badge && { title: badge.title, ...(badge.description !== undefined && { message: badge.description }) }
  }
  return undefined
}

/**
 * New celebrations for achievements that happened between two progress snapshots (`before = null`: none
 * yet known, so everything achieved in `after` is new). Already-achieved milestones, complete levels and
 * earned badges in `before` never produce a celebration again. Best first (see `sortCelebrations`).
 */
export function celebrationsBetween(program: Program, before: Progress | null, after: Progress): Celebration[] {
  const found: Celebration[] = []

  for (const milestone of program.milestones) {
    const now = after.milestones[milestone.id]
    const was = before?.milestones[milestone.id]
    // achievedAt also counts as known: an achieved milestone that turned ineligible and back is not new.
    if (now?.state !== 'achieved' || was?.state === 'achieved' || was?.achievedAt !== undefined) continue
    found.push({
      id: celebrationId('milestone', milestone.id),
      kind: 'milestone',
      refId: milestone.id,
      title: milestone.title,
      // 'none' is still created, so it is acknowledged silently instead of lingering as pending.
      style: milestone.celebrate ?? 'toast',
      priority: milestone.priority ?? 0,
      achievedAt: now.achievedAt ?? after.evaluatedAt,
      // An anniversary says why it matters in its own words ("Thank you for a year of …").
      ...(milestone.criterion.kind === 'tenure' && milestone.description !== undefined && { message: milestone.description }),
    })
  }

  const wasComplete = new Set(before?.levels.filter((l) => l.state === 'complete').map((l) => l.id))
  const completedAt = levelCompletionTimes(program, after)
  for (const level of program.levels) {
    if (!completedAt.has(level.id) || wasComplete.has(level.id)) continue
    found.push({
      id: celebrationId('level', level.id),
      kind: 'level',
      refId: level.id,
      title: level.title,
      style: 'confetti',
      priority: 0,
      achievedAt: completedAt.get(level.id) ?? after.evaluatedAt,
      ...celebrationText(program, 'level', level.id),
    })
  }

  const hadBadge = new Set(before?.badges.map((b) => b.id))
  for (const earned of after.badges) {
    const badge = program.badges.find((b) => b.id === earned.id)
    if (!badge || hadBadge.has(earned.id)) continue
    found.push({
      id: celebrationId('badge', badge.id),
      kind: 'badge',
      refId: badge.id,
      title: badge.title,
      style: 'toast',
      priority: 0,
      achievedAt: earned.earnedAt,
      ...celebrationText(program, 'badge', badge.id),
    })
  }

  return sortCelebrations(found)
}
