import {
  buildBadgeRarityIndex, buildCohortDistribution, type BadgeRarityIndex, type CohortDistribution, type CohortMember, type Program, type Sliced,
} from '../../core'
import { compareKeys } from '../storage'

/** Members the representative pass reads between pauses. */
const MEMBERS_PER_SLICE = 2_000

/** What a progress request's benchmarks and badge rarity are read from: one program against one state of the cohort. */
export interface PreparedBenchmarks {
  distribution: CohortDistribution
  rarity: BadgeRarityIndex
}

/**
 * Prepares benchmarks for `program` over the stored rows, pausing (`yield`) every few milliseconds: a cohort of 100k
 * takes seconds, and a server runs this between requests. Benchmarks compare one member per account (its most
 * advanced user), or per user when there is none.
 */
export function* prepareBenchmarks(program: Program, rows: readonly CohortMember[]): Sliced<PreparedBenchmarks> {
  const cohort = yield* onePerAccount(rows)
  const distribution = yield* buildCohortDistribution(program, cohort)
  const rarity = yield* buildBadgeRarityIndex(program, cohort)
  return { distribution, rarity }
}

/**
 * Each account's most advanced user (milestones achieved); among equally advanced ones the first by user id, so the
 * representative does not depend on the order rows arrived in.
 */
function* onePerAccount(rows: readonly CohortMember[]): Sliced<CohortMember[]> {
  const best = new Map<string, { member: CohortMember; achieved: number }>()
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % MEMBERS_PER_SLICE === 0) yield
    const member = rows[i]!
    const key = member.subject.accountId !== undefined ? `account:${member.subject.accountId}` : `user:${member.subject.userId}`
    let achieved = 0
    for (const id in member.progress.milestones) if (member.progress.milestones[id]!.state === 'achieved') achieved++
    const current = best.get(key)
    if (!current || achieved > current.achieved || (achieved === current.achieved && compareKeys(member.subject.userId, current.member.subject.userId) < 0)) {
      best.set(key, { member, achieved })
    }
  }
  return Array.from(best.values(), (entry) => entry.member)
}
