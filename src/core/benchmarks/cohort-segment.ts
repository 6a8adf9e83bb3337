import type { Program } from '../schemas/program'
import type { Sliced } from '../sliced'
import type { CohortMember } from './compute-benchmarks'
import { WaveletMatrix } from './wavelet-matrix'

/** Members a build handles between pauses: a few milliseconds of work (each reads every milestone). */
export const MEMBERS_PER_SLICE = 1_000

/**
 * One time offset per member (ms after its signup), as ranks among the set's distinct offsets so a wavelet matrix
 * holds them; members without one hold the largest rank.
 */
export class OffsetColumn {
  /** The distinct offsets, ascending. */
  private readonly keys: Float64Array
  private readonly matrix: WaveletMatrix

  /** `offsets`: per member (signup order), the offset, NaN when none; not kept (the matrix holds it as a rank). */
  constructor(offsets: Float64Array) {
    const sorted = offsets.filter((o) => !Number.isNaN(o)).sort()
    let distinct = 0
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!
    this.keys = sorted.slice(0, distinct)
    const ranks = new Uint32Array(offsets.length)
    for (let i = 0; i < offsets.length; i++) ranks[i] = Number.isNaN(offsets[i]!) ? distinct : countBelow(this.keys, offsets[i]!, false)
    this.matrix = new WaveletMatrix(ranks)
  }

  /** Member `i`'s offset (signup order), NaN when none. */
  offset(i: number): number {
    const rank = this.matrix.access(i)
    return rank === this.keys.length ? NaN : this.keys[rank]!
  }

  /** Members among the first `end` whose offset is at most `limit`. */
  atMost(end: number, limit: number): number {
    return this.matrix.countLess(end, countBelow(this.keys, limit, true))
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

/** Keys below `value` (with `orEqual`, at most `value`) in ascending `keys`: a binary search without a closure per step. */
function countBelow(keys: Float64Array, value: number, orEqual: boolean): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (keys[mid]! < value || (orEqual && keys[mid] === value)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The members of one segment (equal `segmentBy` traits), in signup order. */
export interface SegmentIndex {
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

/** Indexes one segment's members, pausing (`yield`) every `MEMBERS_PER_SLICE` members and after each column. */
export function* buildSegment(program: Program, members: readonly CohortMember[]): Sliced<SegmentIndex> {
  // A member whose signup does not parse is never anyone's peer (`computeBenchmarks` compares NaN).
  const parsed = Float64Array.from(members, (member) => Date.parse(member.subject.signedUpAt))
  const order = Array.from(members.keys()).filter((i) => !Number.isNaN(parsed[i]!))
  order.sort((a, b) => parsed[a]! - parsed[b]!)
  yield
  const n = order.length
  const milestoneCount = program.milestones.length
  let latestAchievedAt = -Infinity
  const milestoneOffsets = program.milestones.map(() => new Float64Array(n).fill(NaN))
  const eligibleBefore = program.milestones.map(() => new Int32Array(n + 1))
  const byCountOffsets = program.milestones.map(() => new Float64Array(n).fill(NaN))
  const positions = new Map<string, number[]>()
  const note = (key: string, i: number) => {
    const list = positions.get(key)
    if (list) list.push(i)
    else positions.set(key, [i])
  }
  const achieved = new Float64Array(milestoneCount)
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % MEMBERS_PER_SLICE === 0) yield
    const { subject, progress } = members[order[i]!]!
    const signup = parsed[order[i]!]!
    let count = 0
    for (let m = 0; m < milestoneCount; m++) {
      const entry = progress.milestones[program.milestones[m]!.id]
      const eligible = entry !== undefined && entry.state !== 'ineligible'
      eligibleBefore[m]![i + 1] = eligibleBefore[m]![i]! + (eligible ? 1 : 0)
      if (eligible && entry.achievedAt !== undefined) {
        const at = Date.parse(entry.achievedAt)
        latestAchievedAt = Math.max(latestAchievedAt, at)
        milestoneOffsets[m]![i] = at - signup
        achieved[count++] = at - signup
      }
    }
    achieved.subarray(0, count).sort()
    for (let v = 0; v < count; v++) byCountOffsets[v]![i] = achieved[v]!
    note(`user:${subject.userId}`, i)
    if (subject.accountId !== undefined) note(`account:${subject.accountId}`, i)
  }
  const columns: OffsetColumn[] = []
  for (const offsets of [...milestoneOffsets, ...byCountOffsets]) {
    yield
    columns.push(new OffsetColumn(offsets))
  }
  return {
    positions,
    signups: Float64Array.from(order, (i) => parsed[i]!),
    milestones: eligibleBefore.map((before, m) => ({ eligibleBefore: before, achieved: columns[m]! })),
    byCount: columns.slice(milestoneCount),
    latestAchievedAt,
  }
}
