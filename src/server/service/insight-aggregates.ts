import { OrderStatisticTree, type CohortMember, type Program } from '../../core'
import type { Insights } from '../service-types'
import { DAY_MS, isoWeekStart, milestoneInsight, VELOCITY_WEEKS, WEEK_MS } from './insights'

/** What one milestone's figures are made of, summed over the members. */
interface MilestoneCounts {
  achieved: number
  eligible: number
  missed: number
  /** Days from signup to achievement, one per member that achieved it with a date. */
  days: OrderStatisticTree
}

/**
 * `computeInsights`, kept up to date instead of recomputed: each member's contribution (per milestone
 * achieved / eligible / missed and days to achieve, per level step pair "did both", achievements per ISO week,
 * active signals) is added when it joins and subtracted, from the row it was added with, before its new row is added.
 * `read` costs O(milestones × log n + level steps + VELOCITY_WEEKS + signals), whatever the cohort size, and gives
 * the same JSON as the scan (property-tested).
 */
export interface InsightAggregates {
  /** Counts `member` in (its row exactly as it will later be removed). */
  add(member: CohortMember): void
  /** Takes back what `add(member)` counted; `member` must be the row that was added. */
  remove(member: CohortMember): void
  /**
   * Counts many members in faster than `add` one by one: days to achieve are collected and each milestone's tree is
   * built once from them. Add through the loader, then run every step `finish()` returns (yield between them if you
   * like); until the last step has run, `read` is not ready. Only on aggregates nothing was added to yet.
   */
  load(): { add(member: CohortMember): void; finish(): (() => void)[] }
  /** The insights at `now` for the members currently counted. */
  read(now: Date): Insights
}

/** Empty aggregates for `program`; add the cohort's members to fill them. */
export function createInsightAggregates(program: Program): InsightAggregates {
  const counts = new Map<string, MilestoneCounts>()
  const countsOf = (id: string) => {
    let entry = counts.get(id)
    if (!entry) counts.set(id, (entry = { achieved: 0, eligible: 0, missed: 0, days: new OrderStatisticTree() }))
    return entry
  }
  for (const milestone of program.milestones) countsOf(milestone.id)
  for (const level of program.levels) for (const id of level.milestones) countsOf(id)
  const tracked = [...counts.entries()]
  // Per level, per step after the first: members that achieved both that step and the one before.
  const pairs = program.levels.map((level) => level.milestones.map(() => 0))
  const weeks = new Map<number, number>()
  const signals = new Map<string, number>()
  let subjects = 0
  /** While loading: days to achieve per milestone, turned into trees at the end. */
  let pending: Map<MilestoneCounts, number[]> | undefined

  const count = (member: CohortMember, sign: 1 | -1) => {
    const { subject, progress } = member
    subjects += sign
    const signedUpAt = Date.parse(subject.signedUpAt)
    for (const [id, entry] of tracked) {
      const state = progress.milestones[id]?.state
      if (state === undefined) continue
      if (state !== 'ineligible') entry.eligible += sign
      if (state === 'missed') entry.missed += sign
      if (state !== 'achieved') continue
      entry.achieved += sign
      const achievedAt = progress.milestones[id]!.achievedAt
      if (achievedAt === undefined) continue
      const days = (Date.parse(achievedAt) - signedUpAt) / DAY_MS
      if (pending) pending.get(entry)!.push(days)
      else if (sign === 1) entry.days.add(days)
      else entry.days.remove(days)
    }
    program.levels.forEach((level, l) => {
      for (let step = 1; step < level.milestones.length; step++) {
        if (achieved(member, level.milestones[step - 1]!) && achieved(member, level.milestones[step]!)) pairs[l]![step]! += sign
      }
    })
    for (const entry of Object.values(progress.milestones)) {
      if (entry.state !== 'achieved' || entry.achievedAt === undefined) continue
      const week = isoWeekStart(Date.parse(entry.achievedAt))
      const next = (weeks.get(week) ?? 0) + sign
      if (next === 0) weeks.delete(week)
      else weeks.set(week, next)
    }
    for (const signal of progress.signals ?? []) {
      if (signal.state !== 'active') continue
      const next = (signals.get(signal.id) ?? 0) + sign
      if (next === 0) signals.delete(signal.id)
      else signals.set(signal.id, next)
    }
  }

  const levelOf = new Map(program.levels.flatMap((level) => level.milestones.map((id) => [id, level.id] as const)))
  const titleOf = new Map(program.milestones.map((m) => [m.id, m.title]))

  return {
    add: (member) => count(member, 1),
    remove: (member) => count(member, -1),
    load() {
      if (subjects !== 0 || pending) throw new Error('load() fills empty aggregates only')
      pending = new Map(tracked.map(([, entry]) => [entry, []]))
      return {
        add: (member) => count(member, 1),
        finish: () => {
          const collected = pending!
          pending = undefined
          return [...collected].map(([entry, days]) => () => void (entry.days = OrderStatisticTree.from(days)))
        },
      }
    },
    read(now) {
      const milestones = program.milestones.map((milestone) => {
        const { achieved, eligible, missed, days } = counts.get(milestone.id)!
        return milestoneInsight(milestone, levelOf.get(milestone.id), { achieved, eligible, missed }, days.median())
      })
      const levels = program.levels.map((level, l) => {
        const steps = level.milestones.map((milestoneId, step) => {
          const did = counts.get(milestoneId)!.achieved
          const base = step === 0 ? counts.get(milestoneId)!.eligible : counts.get(level.milestones[step - 1]!)!.achieved
          const kept = step === 0 ? did : pairs[l]![step]!
          return { milestoneId, title: titleOf.get(milestoneId) ?? milestoneId, reached: did, dropOff: base === 0 ? 0 : 1 - kept / base }
        })
        return { id: level.id, title: level.title, steps }
      })
      const insights: Insights = { generatedAt: now.toISOString(), subjects, milestones, levels, velocity: velocityAt(weeks, now) }
      if (program.signals !== undefined) {
        insights.atRisk = program.signals.map((signal) => ({
          signalId: signal.id,
          title: signal.title,
          kind: signal.criterion.kind,
          days: signal.criterion.days,
          active: signals.get(signal.id) ?? 0,
        }))
      }
      return insights
    },
  }
}

function achieved(member: CohortMember, milestoneId: string): boolean {
  return member.progress.milestones[milestoneId]?.state === 'achieved'
}

/** The last `VELOCITY_WEEKS` weeks from the per-week counts, from the earliest week with an achievement. */
function velocityAt(weeks: ReadonlyMap<number, number>, now: Date): Insights['velocity'] {
  const thisWeek = isoWeekStart(now.getTime())
  let week = thisWeek - (VELOCITY_WEEKS - 1) * WEEK_MS
  while (week < thisWeek && !weeks.has(week)) week += WEEK_MS
  const velocity: Insights['velocity'] = []
  for (; week <= thisWeek; week += WEEK_MS) {
    velocity.push({
      weekStart: new Date(week).toISOString().slice(0, 10),
      achieved: weeks.get(week) ?? 0,
      ...(week === thisWeek ? { partial: true, through: now.toISOString() } : {}),
    })
  }
  return velocity
}
