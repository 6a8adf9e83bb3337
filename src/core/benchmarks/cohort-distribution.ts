import type { Subject } from '../schemas/event'
import type { Program } from '../schemas/program'
import type { Benchmarks, Progress } from '../schemas/progress'
import {
  achievedCount, comparedAs, DAY_MS, DEFAULT_MIN_COHORT, MIN_STAGE_FOR_PERCENTILE_MS, PERCENTILE_RANGE, computeBenchmarks,
  type CohortMember,
} from './compute-benchmarks'
import { partitionPoint } from '../partition-point'
import { WaveletMatrix } from './wavelet-matrix'

/** `computeBenchmarks` against one cohort, prepared once: each question costs O(milestones × log cohort). */
export interface CohortDistribution {
  /** Exactly what `computeBenchmarks({ program, cohort, subject, progress, now })` returns. */
  benchmarks(subject: Subject, progress: Progress, now: Date | string): Benchmarks | undefined
}

/**
 * One time offset per member (ms after its signup), as ranks among the set's distinct offsets so a wavelet matrix
 * holds them; members without one hold the largest rank.
 */
class OffsetColumn {
  private readonly keys: Float64Array
  private readonly matrix: WaveletMatrix
  /** Per member (signup order): the offset, NaN when none. */
  readonly offsets: Float64Array

  constructor(offsets: Float64Array) {
    this.offsets = offsets
    this.keys = Float64Array.from(new Set(offsets.filter((o) => !Number.isNaN(o)))).sort()
    this.matrix = new WaveletMatrix(Array.from(offsets, (o) => (Number.isNaN(o) ? this.keys.length : partitionPoint(this.keys.length, (i) => this.keys[i]! < o))))
  }

  /** Members among the first `end` whose offset is at most `limit`. */
  atMost(end: number, limit: number): number {
    return this.matrix.countLess(end, partitionPoint(this.keys.length, (i) => this.keys[i]! <= limit))
  }

  /** Members among the first `end` with an offset. */
  present(end: number): number {
    return this.matrix.countLess(end, this.keys.length)
  }

  /** The `rank`-th smallest offset among the first `end` members (rank below `present(end)`). */
  kth(end: number, rank: number): number {
    return this.keys[this.matrix.kthSmallest(end, rank)]!
  }
}

/** The members of one segment (equal `segmentBy` traits), in signup order. */
interface SegmentIndex {
  /** Positions of each user id and account id, to find the subject's own party without a scan. */
  positions: Map<string, number[]>
  signups: Float64Array
  /** Per milestone (program order): eligible members before each position, and when each achieved it. */
  milestones: { eligibleBefore: Int32Array; achieved: OffsetColumn }[]
  /** `byCount[v - 1]`: when each member had achieved v milestones (the v-th smallest offset). */
  byCount: OffsetColumn[]
  /** The latest achievement in the segment: a cohort that achieved something after `now` is asked the slow way. */
  latestAchievedAt: number
}

/**
 * Prepares `computeBenchmarks` for many questions against the same cohort. A question finds the peers that signed up
 * before the subject's stage cutoff by binary search, then reads every count it needs (peers at each achieved count,
 * per-milestone shares and median days) from wavelet matrices over signup order, subtracting the subject's own party.
 * Trait values that are not plain JSON scalars, a large own party, or achievements after `now` fall back to the scan.
 */
export function createCohortDistribution(program: Program, cohort: readonly CohortMember[]): CohortDistribution {
  const segmentBy = program.benchmarks?.segmentBy ?? []
  const minCohort = program.benchmarks?.minCohort ?? DEFAULT_MIN_COHORT
  const scalarTraits = cohort.every((member) => segmentBy.every((trait) => isScalar(member.subject.traits?.[trait])))
  const segments = new Map<string, SegmentIndex>()
  const segmentOf = (subject: Subject): SegmentIndex => {
    const key = segmentKey(segmentBy, subject)
    let index = segments.get(key)
    if (!index) {
      index = buildSegment(program, cohort.filter((member) => segmentKey(segmentBy, member.subject) === key))
      segments.set(key, index)
    }
    return index
  }

  return {
    benchmarks(subject, progress, now) {
      const nowMs = new Date(now).getTime()
      if (!scalarTraits || !segmentBy.every((trait) => isScalar(subject.traits?.[trait]))) return computeBenchmarks({ program, subject, progress, cohort, now })
      const index = segmentOf(subject)
      const stageMs = Math.max(0, nowMs - Date.parse(subject.signedUpAt))
      // Peers signed up no later than `now − stage` (their stage is known); in signup order that is a prefix.
      const end = partitionPoint(index.signups.length, (i) => index.signups[i]! <= nowMs - stageMs)
      const own = ownParty(index, subject).filter((i) => i < end)
      if (own.length > OWN_PARTY_LIMIT || index.latestAchievedAt > nowMs) return computeBenchmarks({ program, subject, progress, cohort, now })
      const peers = end - own.length
      if (peers < minCohort) return undefined

      // Peers with at least v milestones at stage, v = 0…M (+ a zero past the end).
      const atLeast = [peers]
      for (const column of index.byCount) atLeast.push(column.atMost(end, stageMs) - own.filter((i) => column.offsets[i]! <= stageMs).length)
      atLeast.push(0)

      const milestones: Benchmarks['milestones'] = {}
      program.milestones.forEach((milestone, m) => {
        const { eligibleBefore, achieved } = index.milestones[m]!
        const ownOffsets = own.map((i) => achieved.offsets[i]!).filter((o) => !Number.isNaN(o))
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

function buildSegment(program: Program, members: readonly CohortMember[]): SegmentIndex {
  // A member whose signup does not parse is never anyone's peer (`computeBenchmarks` compares NaN).
  const sorted = members
    .map((member) => ({ member, signup: Date.parse(member.subject.signedUpAt) }))
    .filter(({ signup }) => !Number.isNaN(signup))
    .sort((a, b) => a.signup - b.signup)
  const n = sorted.length
  let latestAchievedAt = -Infinity
  const milestoneOffsets = program.milestones.map(() => new Float64Array(n).fill(NaN))
  const eligibleBefore = program.milestones.map(() => new Int32Array(n + 1))
  const byCountOffsets = program.milestones.map(() => new Float64Array(n).fill(NaN))
  sorted.forEach(({ member, signup }, i) => {
    const achieved: number[] = []
    program.milestones.forEach((milestone, m) => {
      const entry = member.progress.milestones[milestone.id]
      const eligible = entry !== undefined && entry.state !== 'ineligible'
      eligibleBefore[m]![i + 1] = eligibleBefore[m]![i]! + (eligible ? 1 : 0)
      if (eligible && entry.achievedAt !== undefined) {
        const at = Date.parse(entry.achievedAt)
        latestAchievedAt = Math.max(latestAchievedAt, at)
        milestoneOffsets[m]![i] = at - signup
        achieved.push(at - signup)
      }
    })
    achieved.sort((a, b) => a - b).forEach((offset, v) => (byCountOffsets[v]![i] = offset))
  })
  const positions = new Map<string, number[]>()
  const note = (key: string, i: number) => {
    const list = positions.get(key)
    if (list) list.push(i)
    else positions.set(key, [i])
  }
  sorted.forEach(({ member: { subject } }, i) => {
    note(`user:${subject.userId}`, i)
    if (subject.accountId !== undefined) note(`account:${subject.accountId}`, i)
  })
  return {
    positions,
    signups: Float64Array.from(sorted, ({ signup }) => signup),
    milestones: program.milestones.map((_, m) => ({ eligibleBefore: eligibleBefore[m]!, achieved: new OffsetColumn(milestoneOffsets[m]!) })),
    byCount: byCountOffsets.map((offsets) => new OffsetColumn(offsets)),
    latestAchievedAt,
  }
}

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
