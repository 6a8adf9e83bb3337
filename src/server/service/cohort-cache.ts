import type { CohortMember, Program } from '../../core'
import { loadCohort, type Storage } from '../storage'

/** Benchmarks move slowly; re-reading every subject on each widget load would not. */
export const COHORT_TTL_MS = 30_000

/**
 * The benchmark population, one member per account (its most advanced user, as "teams like yours"
 * compares teams), reloaded at most every `ttlMs`.
 */
export function createCohortCache(program: Program, storage: Storage, ttlMs = COHORT_TTL_MS): { get(now: Date): Promise<CohortMember[]> } {
  let loadedAt = -Infinity
  let loading: Promise<CohortMember[]> | undefined
  let cohort: CohortMember[] = []
  return {
    async get(now) {
      if (now.getTime() - loadedAt < ttlMs) return cohort
      loading ??= loadCohort(storage, program.id)
        .then((rows) => {
          cohort = onePerAccount(rows)
          loadedAt = now.getTime()
          return cohort
        })
        .finally(() => (loading = undefined))
      return loading
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
