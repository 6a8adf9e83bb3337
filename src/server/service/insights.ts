import { median as medianOf, type CohortMember, type Program } from '../../core'
import type { Insights } from '../service-types'

export const DAY_MS = 24 * 60 * 60 * 1000
export const WEEK_MS = 7 * DAY_MS
/** Velocity covers at most this many ISO weeks back from now: enough for a quarter's trend, still small. */
export const VELOCITY_WEEKS = 26

/**
 * Program-wide numbers from stored progress rows (one per user), by scanning them: the reference that the
 * incrementally kept `createInsightAggregates` (what the service answers from) is property-tested against.
 * - completion rate = achieved / eligible (users for whom the milestone is not ineligible); for milestones with a
 *   deadline, `missed` = users whose deadline passed without it;
 * - median days from signup to achievement (one decimal), null when nobody achieved it;
 * - per level, steps in program order: `reached` = users who achieved the step, `dropOff` = share lost from the
 *   step before (for the first step: of those eligible), i.e. 1 − (did both) / (did the previous);
 * - velocity = milestones achieved per ISO week (Monday 00:00 UTC), oldest first, empty weeks included; the
 *   current week is marked `partial` (counted `through` now), so a chart never reads it as a slump.
 */
export function computeInsights(program: Program, rows: readonly CohortMember[], now: Date): Insights {
  const achievedBy = (milestoneId: string) =>
    new Set(rows.filter((r) => r.progress.milestones[milestoneId]?.state === 'achieved').map((r) => r.subject.userId))
  const eligibleCount = (milestoneId: string) =>
    rows.filter((r) => {
      const state = r.progress.milestones[milestoneId]?.state
      return state !== undefined && state !== 'ineligible'
    }).length
  const levelOf = new Map(program.levels.flatMap((level) => level.milestones.map((id) => [id, level.id] as const)))

  const milestones = program.milestones.map((milestone) => {
    const achieved = achievedBy(milestone.id).size
    const eligible = eligibleCount(milestone.id)
    const days = rows.flatMap((r) => {
      const entry = r.progress.milestones[milestone.id]
      if (entry?.state !== 'achieved' || entry.achievedAt === undefined) return []
      return [(Date.parse(entry.achievedAt) - Date.parse(r.subject.signedUpAt)) / DAY_MS]
    })
    const missed = rows.filter((r) => r.progress.milestones[milestone.id]?.state === 'missed').length
    return milestoneInsight(milestone, levelOf.get(milestone.id), { achieved, eligible, missed }, medianOf(days))
  })

  const titleOf = new Map(program.milestones.map((m) => [m.id, m.title]))
  const levels = program.levels.map((level) => {
    let previous: Set<string> | undefined
    const steps = level.milestones.map((milestoneId) => {
      const did = achievedBy(milestoneId)
      const base = previous ? previous.size : eligibleCount(milestoneId)
      const kept = previous ? [...previous].filter((id) => did.has(id)).length : did.size
      previous = did
      return { milestoneId, title: titleOf.get(milestoneId) ?? milestoneId, reached: did.size, dropOff: base === 0 ? 0 : 1 - kept / base }
    })
    return { id: level.id, title: level.title, steps }
  })

  const insights: Insights = { generatedAt: now.toISOString(), subjects: rows.length, milestones, levels, velocity: weeklyVelocity(rows, now) }
  const atRisk = atRiskNow(program, rows)
  if (atRisk !== undefined) insights.atRisk = atRisk
  return insights
}

/**
 * Per signal, how many people it is active for, read from each row's stored `signals` (kept current by the
 * scheduler, so nothing is re-evaluated here): one pass over the rows the insights already hold.
 */
function atRiskNow(program: Program, rows: readonly CohortMember[]): Insights['atRisk'] {
  if (program.signals === undefined) return undefined
  const active = new Map<string, number>()
  for (const row of rows) {
    for (const signal of row.progress.signals ?? []) {
      if (signal.state === 'active') active.set(signal.id, (active.get(signal.id) ?? 0) + 1)
    }
  }
  return program.signals.map((signal) => ({
    signalId: signal.id,
    title: signal.title,
    kind: signal.criterion.kind,
    days: signal.criterion.days,
    active: active.get(signal.id) ?? 0,
  }))
}

function weeklyVelocity(rows: readonly CohortMember[], now: Date): Insights['velocity'] {
  const thisWeek = isoWeekStart(now.getTime())
  const firstWeek = thisWeek - (VELOCITY_WEEKS - 1) * WEEK_MS
  const counts = new Map<number, number>()
  let earliest = thisWeek
  for (const row of rows) {
    for (const entry of Object.values(row.progress.milestones)) {
      if (entry.state !== 'achieved' || entry.achievedAt === undefined) continue
      const week = isoWeekStart(Date.parse(entry.achievedAt))
      if (week < firstWeek || week > thisWeek) continue
      counts.set(week, (counts.get(week) ?? 0) + 1)
      earliest = Math.min(earliest, week)
    }
  }
  const velocity: Insights['velocity'] = []
  for (let week = earliest; week <= thisWeek; week += WEEK_MS) {
    const current = week === thisWeek
    velocity.push({
      weekStart: new Date(week).toISOString().slice(0, 10),
      achieved: counts.get(week) ?? 0,
      ...(current ? { partial: true, through: now.toISOString() } : {}),
    })
  }
  return velocity
}

/** Monday 00:00 UTC of the ISO week holding `ms`. */
export function isoWeekStart(ms: number): number {
  const day = Math.floor(ms / DAY_MS)
  const weekday = (((day + 3) % 7) + 7) % 7 // Monday = 0; day 0, 1970-01-01, was a Thursday
  return (day - weekday) * DAY_MS
}

/**
 * One milestone's line of the insights from its counts: `missed` only for a milestone with a deadline, the median
 * days to achieve rounded to one decimal (null when nobody achieved it). Shared by the scan and the kept aggregates.
 */
export function milestoneInsight(
  milestone: Program['milestones'][number],
  levelId: string | undefined,
  counts: { achieved: number; eligible: number; missed: number },
  medianDays: number | undefined,
): Insights['milestones'][number] {
  const { achieved, eligible, missed } = counts
  return {
    id: milestone.id,
    title: milestone.title,
    ...(levelId !== undefined ? { levelId } : {}),
    completionRate: eligible === 0 ? 0 : achieved / eligible,
    achieved,
    eligible,
    ...(milestone.deadline ? { missed } : {}),
    medianDaysToAchieve: medianDays === undefined ? null : Math.round(medianDays * 10) / 10,
  }
}
