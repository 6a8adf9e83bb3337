import type { Subject } from '../schemas/event'
import type { Program } from '../schemas/program'
import type { Benchmarks, Progress } from '../schemas/progress'
import {
  achievedCount, comparedAs, DAY_MS, DEFAULT_MIN_COHORT, MIN_STAGE_FOR_PERCENTILE_MS, PERCENTILE_RANGE, computeBenchmarks,
  type CohortMember,
} from './compute-benchmarks'
import { partitionPoint } from '../partition-point'
import { runSlices, type Sliced } from '../sliced'
import { buildSegment, MEMBERS_PER_SLICE, type OffsetColumn, type SegmentIndex } from './cohort-segment'

/** `computeBenchmarks` against one cohort, prepared once: each question costs O(milestones × log cohort). */
export interface CohortDistribution {
  /** Exactly what `computeBenchmarks({ program, cohort, subject, progress, now })` returns. */
  benchmarks(subject: Subject, progress: Progress, now: Date | string): Benchmarks | undefined
}

/**
 * Prepares `computeBenchmarks` for many questions against the same cohort. A question finds the peers that signed up
 * before the subject's stage cutoff by binary search, then reads every count it needs (peers at each achieved count,
 * per-milestone shares and median days) from wavelet matrices over signup order, subtracting the subject's own party.
 * Trait values that are not plain JSON scalars, a large own party, or achievements after `now` fall back to the scan.
 * Builds every segment before returning; `buildCohortDistribution` does the same work in slices.
 */
export function createCohortDistribution(program: Program, cohort: readonly CohortMember[]): CohortDistribution {
  return runSlices(buildCohortDistribution(program, cohort))
}

/**
 * `createCohortDistribution` as sliced work: it pauses (`yield`) every `MEMBERS_PER_SLICE` members and between the
 * columns of each segment, so a server can answer other requests while a large cohort (100k) is indexed.
 */
export function* buildCohortDistribution(program: Program, cohort: readonly CohortMember[]): Sliced<CohortDistribution> {
  const segmentBy = program.benchmarks?.segmentBy ?? []
  const minCohort = program.benchmarks?.minCohort ?? DEFAULT_MIN_COHORT
  const scalarTraits = cohort.every((member) => segmentBy.every((trait) => isScalar(member.subject.traits?.[trait])))
  const segments = new Map<string, SegmentIndex>()
  if (scalarTraits) {
    const grouped = new Map<string, CohortMember[]>()
    for (let i = 0; i < cohort.length; i++) {
      if (i > 0 && i % MEMBERS_PER_SLICE === 0) yield
      const member = cohort[i]!
      const key = segmentKey(segmentBy, member.subject)
      const list = grouped.get(key)
      if (list) list.push(member)
      else grouped.set(key, [member])
    }
    for (const [key, members] of grouped) segments.set(key, yield* buildSegment(program, members))
  }
  const noPeers = runSlices(buildSegment(program, []))

  return {
    benchmarks(subject, progress, now) {
      const nowMs = new Date(now).getTime()
      if (!scalarTraits || !segmentBy.every((trait) => isScalar(subject.traits?.[trait]))) return computeBenchmarks({ program, subject, progress, cohort, now })
      const index = segments.get(segmentKey(segmentBy, subject)) ?? noPeers
      const stageMs = Math.max(0, nowMs - Date.parse(subject.signedUpAt))
      // Peers signed up no later than `now − stage` (their stage is known); in signup order that is a prefix.
      const end = partitionPoint(index.signups.length, (i) => index.signups[i]! <= nowMs - stageMs)
      const own = ownParty(index, subject).filter((i) => i < end)
      if (own.length > OWN_PARTY_LIMIT || index.latestAchievedAt > nowMs) return computeBenchmarks({ program, subject, progress, cohort, now })
      const peers = end - own.length
      if (peers < minCohort) return undefined

      // Peers with at least v milestones at stage, v = 0…M (+ a zero past the end).
      const atLeast = [peers]
      for (const column of index.byCount) atLeast.push(column.atMost(end, stageMs) - own.filter((i) => column.offset(i) <= stageMs).length)
      atLeast.push(0)

      const milestones: Benchmarks['milestones'] = {}
      program.milestones.forEach((milestone, m) => {
        const { eligibleBefore, achieved } = index.milestones[m]!
        const ownOffsets = own.map((i) => achieved.offset(i)).filter((o) => !Number.isNaN(o))
        const eligible = eligibleBefore[end]! - own.filter((i) => eligibleBefore[i + 1]! > eligibleBefore[i]!).length
        const atStage = achieved.atMost(end, stageMs) - ownOffsets.filter((o) => o <= stageMs).length
        const medianDays = medianOffset(achieved, end, ownOffsets)
        milestones[milestone.id] = {
          achievedShare: eligible === 0 ? 0 : atStage / eligible,
          medianDaysToAchieve: medianDays === undefined ? null : Math.round(medianDays * 10) / 10,
        }
      })

      const result: Benchmarks = {
        cohortSize: peers,
        typicalAchievedAtStage: medianCount(atLeast, peers),
        stageDays: Math.floor((stageMs / DAY_MS) * 10) / 10,
        milestones,
        comparedAs: comparedAs(subject),
      }
      if (stageMs >= MIN_STAGE_FOR_PERCENTILE_MS) {
        // `percentileAmong`: the share strictly below plus half the ties.
        const mine = achievedCount(program, progress, nowMs)
        const below = peers - atLeast[mine]!
        const ties = atLeast[mine]! - atLeast[mine + 1]!
        const rank = peers === 0 ? 0 : Math.round((100 * (below + ties / 2)) / peers)
        result.percentile = Math.min(PERCENTILE_RANGE.max, Math.max(PERCENTILE_RANGE.min, rank))
      }
      return result
    },
  }
}

/** Beyond this many members of the subject's own party among the peers, subtracting them costs more than the scan. */
const OWN_PARTY_LIMIT = 16

/** The members `isSameParty` with the subject (its own user, or any user of its account), in signup order. */
function ownParty(index: SegmentIndex, subject: Subject): number[] {
  const byUser = index.positions.get(`user:${subject.userId}`) ?? []
  const byAccount = subject.accountId === undefined ? [] : (index.positions.get(`account:${subject.accountId}`) ?? [])
  return [...new Set([...byUser, ...byAccount])].sort((a, b) => a - b)
}

/** `median` of the peers' counts, read from how many have at least each count. */
function medianCount(atLeast: readonly number[], peers: number): number {
  if (peers === 0) return 0 // `median([]) ?? 0`
  // The value at sorted position p is the largest v that at least `peers − p` peers reach.
  const at = (p: number) => {
    let v = 0
    while (v + 1 < atLeast.length - 1 && atLeast[v + 1]! >= peers - p) v++
    return v
  }
  const mid = peers >> 1
  return peers % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2
}

/** `median` of the days to achieve over the first `end` members' offsets, without `own` (a few offsets). */
function medianOffset(column: OffsetColumn, end: number, own: readonly number[]): number | undefined {
  const count = column.present(end) - own.length
  if (count === 0) return undefined
  // The r-th smallest after removing `own` is among the next `own.length` smallest before removing it.
  const kth = (r: number) => {
    for (let shift = 0; ; shift++) {
      const value = column.kth(end, r + shift)
      if (column.atMost(end, value) - own.filter((o) => o <= value).length > r) return value / DAY_MS
    }
  }
  const mid = count >> 1
  return count % 2 === 1 ? kth(mid) : (kth(mid - 1) + kth(mid)) / 2
}

function segmentKey(segmentBy: readonly string[], subject: Subject): string {
  return JSON.stringify(segmentBy.map((trait) => subject.traits?.[trait] ?? null)) + segmentBy.map((trait) => (subject.traits?.[trait] === undefined ? 'u' : 'd')).join('')
}

/** Values whose `===` equality is the equality of their JSON text. */
function isScalar(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0))
}
