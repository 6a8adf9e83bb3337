import type { Benchmarks } from '../schemas/progress'

const DAYS_PER_WEEK = 7

/** What a benchmark card can honestly say to one person; every field is absent when it would say nothing. */
export interface BenchmarkClaims {
  /** "You're in the top 20% of teams like yours": only when the person is strictly ahead of the typical team. */
  topShare?: number
  /** "…usually get there by week 3": only when that week is still ahead of the person (otherwise it tells them nothing new). */
  typicalWeek?: number
  /** "Teams at your stage have typically completed 4 steps — you've done 3": absent when both are 0. */
  stage?: { typical: number; yours: number }
}

export interface BenchmarkClaimsInput {
  benchmarks: Benchmarks
  /** Milestones the person has achieved (ineligible ones left out), counted like the cohort's. */
  achieved: number
  /** The person's next step, if any: the one the "typical week" line is about. */
  nextStepId?: string
}

/**
 * Turns benchmark figures into the claims that are true and informative for this person:
 * - the rank shows as "top (100 − percentile)%" only when the person has done more than the median team
 *   (so most of the cohort is strictly behind them), never finer than one team in `cohortSize + 1`, and never
 *   without a percentile (none in the first 24 h);
 * - the typical week of the next step shows only while the person's own week is earlier (the server's
 *   `stageDays` says which week they are in; without it the line is left out);
 * - the stage line compares whole numbers, and is left out when neither side has done anything.
 */
export function benchmarkClaims({ benchmarks, achieved, nextStepId }: BenchmarkClaimsInput): BenchmarkClaims {
  const claims: BenchmarkClaims = {}
  const { percentile, typicalAchievedAtStage, cohortSize, stageDays } = benchmarks

  if (percentile !== undefined && achieved > typicalAchievedAtStage) {
    const finest = Math.ceil(100 / (cohortSize + 1))
    claims.topShare = Math.min(50, Math.max(finest, 100 - Math.round(percentile)))
  }

  const medianDays = nextStepId === undefined ? undefined : benchmarks.milestones[nextStepId]?.medianDaysToAchieve
  if (typeof medianDays === 'number' && stageDays !== undefined) {
    const typicalWeek = Math.max(1, Math.ceil(medianDays / DAYS_PER_WEEK))
    const currentWeek = Math.floor(stageDays / DAYS_PER_WEEK) + 1
    if (typicalWeek > currentWeek) claims.typicalWeek = typicalWeek
  }

  const typical = Math.round(typicalAchievedAtStage)
  if (typical > 0 || achieved > 0) claims.stage = { typical, yours: achieved }
  return claims
}

/** Below this a whole-number percentage would read "0%" for a badge someone has earned: say nothing instead. */
const SMALLEST_CLAIM = 1

/**
 * The whole percentage "Earned by N% of teams like yours" may show for `earnedShare`, or undefined when no
 * honest whole number exists: nobody has earned it yet, or so few that it rounds to 0%. Never 100% unless every
 * peer has it (99.6% reads 99%).
 */
export function badgeRarityPercent(earnedShare: number | undefined): number | undefined {
  if (earnedShare === undefined || !(earnedShare > 0)) return undefined
  const percent = Math.round(earnedShare * 100)
  if (percent < SMALLEST_CLAIM) return undefined
  return percent === 100 && earnedShare < 1 ? 99 : Math.min(100, percent)
}
