import type { Subject } from '../schemas/event'
import type { Program } from '../schemas/program'
import type { Benchmarks } from '../schemas/progress'
import { partitionPoint } from '../partition-point'
import { runSlices, type Sliced } from '../sliced'
import { MEMBERS_PER_SLICE } from './cohort-segment'
import { DEFAULT_MIN_COHORT, type CohortMember } from './compute-benchmarks'

/** Badge rarity for one subject: `earnedShare` by badge id, or undefined below the cohort's k threshold. */
export type BadgeRarity = NonNullable<Benchmarks['badges']>

/** Answers "how many teams like yours earned this badge" for any subject, without scanning the cohort. */
export interface BadgeRarityIndex {
  /**
   * The share of the subject's cohort (same segment, signed up no later than the subject, so every peer has
   * reached the subject's stage; the subject's own account left out) that has earned each badge. Undefined
   * when that cohort has fewer than `minCohort` members — the same rule, and so the same peers, as
   * `computeBenchmarks` — and when the program has no badges.
   */
  shares(subject: Subject, now: Date | string): BadgeRarity | undefined
}

/** One segment's members, oldest signup first, with running counts of each badge's earners. */
interface Segment {
  signups: Float64Array
  /** `earned[b][i]`: members among the first `i` that have earned badge `b` (program order). */
  earned: Int32Array[]
  /** Position of each member by user and by account id, to leave the subject's own party out. */
  positions: Map<string, number[]>
}

const userKey = (userId: string) => `u:${userId}`
const accountKey = (accountId: string) => `a:${accountId}`

/**
 * Builds, once per cohort (the server rebuilds it when its cohort cache reloads), what `shares` needs to answer
 * in O(log n + badges): per segment, members sorted by signup and prefix counts of earned badges. A peer
 * qualifies by the stage rule `signedUpAt + stage ≤ now`, i.e. `signedUpAt ≤ min(subject's signup, now)` — a
 * prefix of that order. Badges count as the cohort's snapshots hold them (earned at or before each snapshot).
 */
export function createBadgeRarityIndex(program: Program, cohort: readonly CohortMember[]): BadgeRarityIndex {
  return runSlices(buildBadgeRarityIndex(program, cohort))
}

/** `createBadgeRarityIndex` as sliced work: it pauses (`yield`) every `MEMBERS_PER_SLICE` members. */
export function* buildBadgeRarityIndex(program: Program, cohort: readonly CohortMember[]): Sliced<BadgeRarityIndex> {
  const segmentBy = program.benchmarks?.segmentBy ?? []
  const minCohort = program.benchmarks?.minCohort ?? DEFAULT_MIN_COHORT
  const badgeIds = program.badges.map((badge) => badge.id)
  const segmentKey = (subject: Subject) => JSON.stringify(segmentBy.map((trait) => subject.traits?.[trait] ?? null))

  const grouped = new Map<string, CohortMember[]>()
  for (const [i, member] of cohort.entries()) {
    if (i > 0 && i % MEMBERS_PER_SLICE === 0) yield
    const key = segmentKey(member.subject)
    const list = grouped.get(key)
    if (list) list.push(member)
    else grouped.set(key, [member])
  }
  const segments = new Map<string, Segment>()
  for (const [key, members] of grouped) {
    const sorted = members
      .map((member) => ({ member, signup: Date.parse(member.subject.signedUpAt) }))
      .sort((a, b) => a.signup - b.signup)
    const earned = badgeIds.map(() => new Int32Array(sorted.length + 1))
    const positions = new Map<string, number[]>()
    yield
    for (const [i, { member }] of sorted.entries()) {
      if (i > 0 && i % MEMBERS_PER_SLICE === 0) yield
      const has = new Set(member.progress.badges.map((badge) => badge.id))
      badgeIds.forEach((id, b) => (earned[b]![i + 1] = earned[b]![i]! + (has.has(id) ? 1 : 0)))
      const { userId, accountId } = member.subject
      for (const party of accountId === undefined ? [userKey(userId)] : [userKey(userId), accountKey(accountId)]) {
        const list = positions.get(party)
        if (list) list.push(i)
        else positions.set(party, [i])
      }
    }
    segments.set(key, { signups: Float64Array.from(sorted, (entry) => entry.signup), earned, positions })
  }

  return {
    shares(subject, now) {
      const segment = segments.get(segmentKey(subject))
      if (!segment || badgeIds.length === 0) return undefined
      const cutoff = Math.min(Date.parse(subject.signedUpAt), new Date(now).getTime())
      const reached = partitionPoint(segment.signups.length, (i) => segment.signups[i]! <= cutoff)
      // The subject's own account (or the subject) is never its own peer; a member can match by user and account.
      const own = new Set<number>()
      const parties = subject.accountId === undefined ? [userKey(subject.userId)] : [userKey(subject.userId), accountKey(subject.accountId)]
      for (const party of parties) for (const i of segment.positions.get(party) ?? []) if (i < reached) own.add(i)
      const peers = reached - own.size
      if (peers < minCohort) return undefined
      const rarity: BadgeRarity = {}
      badgeIds.forEach((id, b) => {
        let earners = segment.earned[b]![reached]!
        for (const i of own) earners -= segment.earned[b]![i + 1]! - segment.earned[b]![i]!
        rarity[id] = { earnedShare: earners / peers }
      })
      return rarity
    },
  }
}
