import { stepReason } from '../engine/step-reason'
import { featureId, type Program } from '../schemas/program'
import type { LevelProgress, MilestoneProgress, NextStep, Progress } from '../schemas/progress'
import { isEmptyCarry, type CarriedAchievements } from './carried-achievements'

/** Same cap as the engine: one step shown prominently and a couple beside it. */
const MAX_NEXT_STEPS = 3

/**
 * Merges achievements from earlier program versions into a fresh evaluation under `program` (DESIGN §7.7):
 * a carried milestone stays `achieved` with its original `achievedAt` (even if its threshold rose or it became
 * ineligible), a carried level stays complete (so later levels stay unlocked), a carried badge stays earned.
 * Parts the program no longer has simply leave. Levels, locking, badges, features and next steps are then
 * derived again by the engine's rules. Pure; returns `fresh` itself when nothing is carried.
 */
export function carryAchievements(program: Program, fresh: Progress, carried: CarriedAchievements | undefined): Progress {
  if (carried === undefined || isEmptyCarry(carried)) return fresh
  const milestones: Record<string, MilestoneProgress> = { ...fresh.milestones }
  for (const [id, achievedAt] of Object.entries(carried.milestones)) {
    const now = milestones[id]
    if (now === undefined) continue // removed from the program
    if (now.state === 'achieved' && now.achievedAt !== undefined && Date.parse(now.achievedAt) <= Date.parse(achievedAt)) continue
    milestones[id] = achievedMilestone(now, achievedAt)
  }

  const carriedLevels = new Set(carried.levels)
  const freshLevels = new Map(fresh.levels.map((level) => [level.id, level]))
  let previousComplete = true
  const levels: LevelProgress[] = program.levels.map((level) => {
    const states = level.milestones.flatMap((id) => (milestones[id] === undefined ? [] : [milestones[id].state]))
    const total = states.filter((state) => state !== 'ineligible' && state !== 'missed').length
    const completed = states.filter((state) => state === 'achieved').length
    const complete =
      carriedLevels.has(level.id) || freshLevels.get(level.id)?.state === 'complete' || (previousComplete && completed === total)
    const state: LevelProgress['state'] = complete ? 'complete' : previousComplete ? 'active' : 'locked'
    previousComplete = complete
    if (state !== 'locked') unlockMilestones(level.milestones, milestones)
    return { id: level.id, state, completed, total }
  })

  const completeLevels = new Set(levels.filter((level) => level.state === 'complete').map((level) => level.id))
  return {
    ...fresh,
    milestones,
    levels,
    badges: mergeBadges(program, fresh, milestones, completeLevels, carried),
    unlockedFeatures: [...new Set(program.levels.filter((l) => completeLevels.has(l.id)).flatMap((l) => (l.unlocks?.features ?? []).map(featureId)))],
    nextSteps: openSteps(program, fresh, milestones),
  }
}

function achievedMilestone(now: MilestoneProgress, achievedAt: string): MilestoneProgress {
  const { late: _late, ...rest } = now
  const late = now.dueAt !== undefined && Date.parse(achievedAt) > Date.parse(now.dueAt)
  return { ...rest, state: 'achieved', achievedAt, ...(late ? { late: true } : {}) }
}

/** A level that is no longer locked shows its open milestones as available or in progress. */
function unlockMilestones(ids: readonly string[], milestones: Record<string, MilestoneProgress>): void {
  for (const id of ids) {
    const milestone = milestones[id]
    if (milestone?.state === 'locked') milestones[id] = { ...milestone, state: milestone.current > 0 ? 'in_progress' : 'available' }
  }
}

/**
 * Badges the fresh evaluation grants, plus carried ones, plus those of carried milestones and of levels complete
 * only thanks to carrying (at their latest milestone's moment). Only badges the program still has; earliest wins.
 */
function mergeBadges(
  program: Program,
  fresh: Progress,
  milestones: Record<string, MilestoneProgress>,
  completeLevels: ReadonlySet<string>,
  carried: CarriedAchievements,
): Progress['badges'] {
  const known = new Map(program.badges.map((badge, index) => [badge.id, index]))
  const earned = new Map<string, number>()
  const grant = (id: string | undefined, at: string | undefined) => {
    if (id === undefined || at === undefined || !known.has(id)) return
    const ms = Date.parse(at)
    const before = earned.get(id)
    if (before === undefined || ms < before) earned.set(id, ms)
  }
  for (const badge of fresh.badges) grant(badge.id, badge.earnedAt)
  for (const [id, at] of Object.entries(carried.badges)) grant(id, at)
  for (const milestone of program.milestones) {
    const progress = milestones[milestone.id]
    if (progress?.state === 'achieved') grant(milestone.badge, progress.achievedAt)
  }
  const freshComplete = new Set(fresh.levels.filter((level) => level.state === 'complete').map((level) => level.id))
  for (const level of program.levels) {
    // Levels the fresh evaluation completes already granted their badge at the engine's moment.
    if (!completeLevels.has(level.id) || freshComplete.has(level.id) || level.unlocks?.badge === undefined) continue
    const times = level.milestones.flatMap((id) => {
      const at = milestones[id]?.achievedAt
      return at === undefined ? [] : [Date.parse(at)]
    })
    grant(level.unlocks.badge, new Date(times.length > 0 ? Math.max(...times) : Date.parse(fresh.evaluatedAt)).toISOString())
  }
  return [...earned]
    .sort(([a, atA], [b, atB]) => atA - atB || (known.get(a) ?? 0) - (known.get(b) ?? 0))
    .map(([id, at]) => ({ id, earnedAt: new Date(at).toISOString() }))
}

/** The engine's next-step order over the merged states: priority, nearest deadline, closeness, program order. */
function openSteps(program: Program, fresh: Progress, milestones: Record<string, MilestoneProgress>): NextStep[] {
  const now = Date.parse(fresh.evaluatedAt)
  const reasons = new Map(fresh.nextSteps.map((step) => [step.milestoneId, step.reason]))
  const open = program.milestones.flatMap((milestone, index) => {
    const progress = milestones[milestone.id]
    if (progress === undefined || (progress.state !== 'available' && progress.state !== 'in_progress')) return []
    const dueAt = progress.dueAt === undefined ? undefined : Date.parse(progress.dueAt)
    const closeness = progress.target > 0 ? Math.min(Math.max(progress.current / progress.target, 0), 1) : 0
    return [{ milestone, index, progress, dueAt, closeness }]
  })
  open.sort(
    (a, b) =>
      (b.milestone.priority ?? 0) - (a.milestone.priority ?? 0) ||
      (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) ||
      b.closeness - a.closeness ||
      a.index - b.index,
  )
  return open.slice(0, MAX_NEXT_STEPS).map(({ milestone, progress, dueAt }) => ({
    milestoneId: milestone.id,
    title: milestone.title,
    ...(milestone.cta !== undefined ? { cta: milestone.cta } : {}),
    reason: reasons.get(milestone.id) ?? stepReason(milestone, progress, dueAt, now),
  }))
}
