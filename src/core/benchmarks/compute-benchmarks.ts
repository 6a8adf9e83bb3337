import type { Subject } from '../schemas/event'
import type { Program } from '../schemas/program'
import type { BenchmarkUnit, Benchmarks, Progress } from '../schemas/progress'
import { median, percentileAmong } from './stats'

/** Below this many comparable accounts a benchmark says more about individuals than about a group, so none is shown. */
export const DEFAULT_MIN_COHORT = 10

export const DAY_MS = 24 * 60 * 60 * 1000
/** In the first day a single click moves a subject across the whole cohort: a rank then says nothing yet. */
export const MIN_STAGE_FOR_PERCENTILE_MS = DAY_MS
/** A rank of 0 or 100 claims "behind everyone" / "ahead of everyone"; one more team would prove it wrong. */
export const PERCENTILE_RANGE = { min: 1, max: 99 } as const

/** One comparable account, represented by one of its users (the caller picks which, e.g. its most advanced user). */
export interface CohortMember {
  subject: Subject
  progress: Progress
}

export interface ComputeBenchmarksInput {
  /** Supplies the milestones and `benchmarks.segmentBy` / `minCohort` (default DEFAULT_MIN_COHORT). */
  program: Program
  /** Whose benchmark this is. */
  subject: Subject
  /** The subject's own progress at `now`. */
  progress: Progress
  /**
   * Other accounts, one entry each (benchmarks compare "teams like yours"). Entries of the subject's own
   * account or user are ignored, so the caller may pass the whole population.
   */
  cohort: readonly CohortMember[]
  /** The moment of comparison; the subject's stage is `now − signedUpAt`. */
  now: Date | string
}

/**
 * "You're ahead of 80% of teams like yours": compares the subject with accounts in the same segment
 * (equal values of every `program.benchmarks.segmentBy` trait) at the same stage. Stage is time since
 * signup: each peer is judged by what it had achieved that long after *its own* signup, and peers that
 * signed up too recently to have reached the subject's stage are left out (their future is unknown).
 * Returns undefined when fewer than `minCohort` peers remain, so a small cohort is never exposed.
 *
 * - `percentile`: the mid-rank share (`percentileAmong`: strictly below plus half the ties) of the subject's
 *   achieved count among the peers' counts at stage, clamped to [1, 99]; omitted while the subject is less
 *   than 24 h past signup.
 * - `stageDays`: the stage compared, in days since the subject's signup (one decimal).
 * - `comparedAs`: `account` when the subject has an account (its team is compared), else `user`.
 * - `typicalAchievedAtStage`: median of the peers' counts at stage.
 * - `milestones[id].achievedShare`: share (0–1) of peers for whom the milestone is not ineligible that had
 *   achieved it at stage; `medianDaysToAchieve`: median days from signup to achievement over every peer
 *   that achieved it by now (one decimal), null when nobody has.
 */
export function computeBenchmarks(input: ComputeBenchmarksInput): Benchmarks | undefined {
  const { program, subject, progress, cohort } = input
  const nowMs = new Date(input.now).getTime()
  const stageMs = Math.max(0, nowMs - Date.parse(subject.signedUpAt))
  const segmentBy = program.benchmarks?.segmentBy ?? []
  const minCohort = program.benchmarks?.minCohort ?? DEFAULT_MIN_COHORT

  const peers = cohort.filter(
    (member) =>
      !isSameParty(member.subject, subject) &&
      segmentBy.every((trait) => member.subject.traits?.[trait] === subject.traits?.[trait]) &&
      Date.parse(member.subject.signedUpAt) + stageMs <= nowMs,
  )
  if (peers.length < minCohort) return undefined

  const atStage = (member: CohortMember) => Date.parse(member.subject.signedUpAt) + stageMs
  const peerCounts = peers.map((member) => achievedCount(program, member.progress, atStage(member)))

  const milestones: Benchmarks['milestones'] = {}
  for (const milestone of program.milestones) {
    const eligible = peers.filter((member) => {
      const state = member.progress.milestones[milestone.id]?.state
      return state !== undefined && state !== 'ineligible'
    })
    const achievedAtStage = eligible.filter((member) => achievedBy(member.progress, milestone.id, atStage(member)))
    const daysToAchieve = eligible.flatMap((member) => {
      const achievedAt = member.progress.milestones[milestone.id]?.achievedAt
      if (achievedAt === undefined || Date.parse(achievedAt) > nowMs) return []
      return [(Date.parse(achievedAt) - Date.parse(member.subject.signedUpAt)) / DAY_MS]
    })
    const medianDays = median(daysToAchieve)
    milestones[milestone.id] = {
      achievedShare: eligible.length === 0 ? 0 : achievedAtStage.length / eligible.length,
      medianDaysToAchieve: medianDays === undefined ? null : Math.round(medianDays * 10) / 10,
    }
  }

  const result: Benchmarks = {
    cohortSize: peers.length,
    typicalAchievedAtStage: median(peerCounts) ?? 0,
    stageDays: Math.floor((stageMs / DAY_MS) * 10) / 10,
    milestones,
    comparedAs: comparedAs(subject),
  }
  if (stageMs >= MIN_STAGE_FOR_PERCENTILE_MS) {
    const rank = percentileAmong(achievedCount(program, progress, nowMs), peerCounts)
    result.percentile = Math.min(PERCENTILE_RANGE.max, Math.max(PERCENTILE_RANGE.min, rank))
  }
  return result
}

/** A subject with an account is compared as its account ("teams like yours"), one without as itself ("people like you"). */
export function comparedAs(subject: Subject): BenchmarkUnit {
  return subject.accountId === undefined ? 'user' : 'account'
}

/** The subject's own account (or the subject itself) is never its own peer. */
export function isSameParty(a: Subject, b: Subject): boolean {
  return a.userId === b.userId || (a.accountId !== undefined && a.accountId === b.accountId)
}

/** Program milestones achieved (and still eligible) no later than `cutoffMs`. */
export function achievedCount(program: Program, progress: Progress, cutoffMs: number): number {
  return program.milestones.filter((m) => achievedBy(progress, m.id, cutoffMs)).length
}

function achievedBy(progress: Progress, milestoneId: string, cutoffMs: number): boolean {
  const entry = progress.milestones[milestoneId]
  return entry !== undefined && entry.state !== 'ineligible' && entry.achievedAt !== undefined && Date.parse(entry.achievedAt) <= cutoffMs
}
