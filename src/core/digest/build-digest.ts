import { levelCompletionTimes } from '../celebrations'
import type { Program } from '../schemas/program'
import type { Digest, Progress } from '../schemas/progress'

export type DigestPeriod = Digest['period']

/** Length of each digest period. A month is a fixed 30 days so every "this month" covers the same span. */
export const DIGEST_PERIOD_DAYS: Record<DigestPeriod, number> = { week: 7, month: 30 }

const DAY_MS = 24 * 60 * 60 * 1000

/** Where a digest period ending at `now` starts: the moment to pass as `startProgress`'s evaluation time. */
export function digestPeriodStart(period: DigestPeriod, now: Date | string): Date {
  return new Date(new Date(now).getTime() - DIGEST_PERIOD_DAYS[period] * DAY_MS)
}

export interface BuildDigestInput {
  /** Supplies titles; milestones, badges and levels not in it are left out. */
  program: Program
  /** The user's progress at `now`. */
  progress: Progress
  /** 'week' = the last 7 days, 'month' = the last 30. */
  period: DigestPeriod
  /** End of the period. */
  now: Date | string
  /**
   * The user's progress at the start of the period (`now − 7 or 30 days`), which the period's time saved is
   * measured from. Without it the digest leaves `minutesSaved` out: a running total is not "this week".
   */
  startProgress?: Progress
}

/**
 * The "this week you…" summary: milestones achieved, badges earned and levels completed in the period
 * `(now − 7 or 30 days, now]`, oldest first, each with its past-tense `doneTitle` when the program has one;
 * the minutes saved *in the period* (value at `now` minus value at its start, from `startProgress`; never
 * negative, left out when zero or unknown); and the first next step, if any.
 */
export function buildDigest({ program, progress, period, now, startProgress }: BuildDigestInput): Digest {
  const toMs = new Date(now).getTime()
  const fromMs = digestPeriodStart(period, now).getTime()
  const inPeriod = (time: string | undefined): time is string => {
    if (time === undefined) return false
    const ms = Date.parse(time)
    return ms > fromMs && ms <= toMs
  }

  const achieved = program.milestones.flatMap((milestone) => {
    const entry = progress.milestones[milestone.id]
    if (entry?.state !== 'achieved' || !inPeriod(entry.achievedAt)) return []
    return [{ milestoneId: milestone.id, title: milestone.title, ...(milestone.doneTitle !== undefined && { doneTitle: milestone.doneTitle }), achievedAt: entry.achievedAt }]
  })

  const badges = progress.badges.flatMap((earned) => {
    const badge = program.badges.find((b) => b.id === earned.id)
    return badge && inPeriod(earned.earnedAt) ? [{ id: badge.id, title: badge.title, earnedAt: earned.earnedAt }] : []
  })

  const completedAt = levelCompletionTimes(program, progress)
  const levelsCompleted = program.levels.filter((level) => inPeriod(completedAt.get(level.id))).map((level) => ({ id: level.id, title: level.title }))

  const savedInPeriod = startProgress === undefined ? 0 : Math.max(0, (progress.value?.minutesSaved ?? 0) - (startProgress.value?.minutesSaved ?? 0))
  const nextStep = progress.nextSteps[0]
  return {
    period,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    achieved: sortByTime(achieved, (a) => a.achievedAt),
    badges: sortByTime(badges, (b) => b.earnedAt),
    levelsCompleted,
    ...(savedInPeriod > 0 && { minutesSaved: savedInPeriod }),
    ...(nextStep !== undefined && { nextStep }),
  }
}

/** Stable sort by timestamp, oldest first (ties keep program order). */
function sortByTime<T>(items: T[], time: (item: T) => string): T[] {
  return items.sort((a, b) => Date.parse(time(a)) - Date.parse(time(b)))
}
