import {
  createBadgeRarityIndex, createCohortDistribution, type BadgeRarityIndex, type Benchmarks, type CohortDistribution, type CohortMember, type Program,
  type Progress, type Subject,
} from '../../core'
import { compareKeys, loadCohortChanges, type Storage } from '../storage'

/** Benchmarks move slowly; re-reading what changed on each widget load would not. */
export const COHORT_TTL_MS = 30_000

/**
 * A transaction that started before the latest change seen may commit after it was read: every refresh re-reads
 * this much before that change too (re-reading a row is harmless).
 */
const COMMIT_OVERLAP_MS = 60_000

/** The benchmark population and the answers drawn from it. */
export interface CohortCache {
  /**
   * `computeBenchmarks` for one subject against the cohort (refreshed at most every `ttlMs`), in O(milestones × log n),
   * with badge rarity (`badges`) from the same cohort in O(badges + log n).
   */
  benchmarks(program: Program, subject: Subject, progress: Progress, now: Date): Promise<Benchmarks | undefined>
}

/**
 * The benchmark population, one member per account (its most advanced user: "teams like yours"), or per user when
 * there is none ("people like you"; `Benchmarks.comparedAs` tells the widget which).
 * Loaded once, then refreshed at most every `ttlMs` by reading only the subjects whose progress or traits changed
 * since (from this process or any other); the prepared distribution is rebuilt only when something did.
 */
export function createCohortCache(programId: string, storage: Storage, ttlMs = COHORT_TTL_MS): CohortCache {
  const members = new Map<string, CohortMember>()
  let latest: string | undefined
  let refreshedAt = -Infinity
  let refreshing: Promise<void> | undefined
  let distributions = new Map<Program, { distribution: CohortDistribution; rarity: BadgeRarityIndex }>()

  const refresh = async (now: Date) => {
    const since = latest === undefined ? undefined : new Date(Date.parse(latest) - COMMIT_OVERLAP_MS).toISOString()
    const changes = await loadCohortChanges(storage, programId, since)
    latest = changes.latest
    refreshedAt = now.getTime()
    let changed = false
    for (const row of changes.rows) {
      const known = members.get(row.subject.userId)
      if (known && JSON.stringify(known) === JSON.stringify(row)) continue
      members.set(row.subject.userId, row)
      changed = true
    }
    if (changed) distributions = new Map()
  }

  return {
    async benchmarks(program, subject, progress, now) {
      if (now.getTime() - refreshedAt >= ttlMs) {
        refreshing ??= refresh(now).finally(() => (refreshing = undefined))
        await refreshing
      }
      let prepared = distributions.get(program)
      if (!prepared) {
        // In user id order, so an account's representative among equally advanced users does not depend on arrival.
        const ordered = onePerAccount([...members.values()].sort((a, b) => compareKeys(a.subject.userId, b.subject.userId)))
        prepared = { distribution: createCohortDistribution(program, ordered), rarity: createBadgeRarityIndex(program, ordered) }
        distributions.set(program, prepared)
      }
      const benchmarks = prepared.distribution.benchmarks(subject, progress, now)
      const badges = benchmarks && prepared.rarity.shares(subject, now)
      return badges ? { ...benchmarks, badges } : benchmarks
    },
  }
}

function onePerAccount(rows: readonly CohortMember[]): CohortMember[] {
  const best = new Map<string, { member: CohortMember; achieved: number }>()
  for (const member of rows) {
    const key = member.subject.accountId !== undefined ? `account:${member.subject.accountId}` : `user:${member.subject.userId}`
    const achieved = Object.values(member.progress.milestones).filter((m) => m.state === 'achieved').length
    const current = best.get(key)
    if (!current || achieved > current.achieved) best.set(key, { member, achieved })
  }
  return [...best.values()].map((entry) => entry.member)
}
