import type { CohortMember } from '../benchmarks'
import type { Program } from '../schemas/program'

const DAY_MS = 24 * 60 * 60 * 1000
/** Density counts tenure in months of 30 days; a first month counts as a whole one. */
export const MONTH_MS = 30 * DAY_MS
/** "Early" means in the first two weeks, well before the retention window opens. */
export const EARLY_DAYS = 14
export const EARLY_MILESTONES = 3
/** Retained = any event in days 29–56 after signup (the seeds' definition); only accounts that old are counted. */
export const RETENTION_WINDOW_DAYS: readonly [number, number] = [29, 56]

/** A group of accounts and how many of them were retained. */
export interface RetentionArm {
  accounts: number
  retained: number
  /** `retained / accounts`, null for an empty group. */
  rate: number | null
}

/** The seeds' success metrics for a program, over accounts (a user without an account counts as one). */
export interface SuccessMetrics {
  /** Milestones achieved per account per month of tenure (a first month counts as a whole month). */
  milestoneDensity: number
  retention: {
    earlyMilestones: number
    earlyDays: number
    windowDays: [number, number]
    withEarlyMilestones: RetentionArm
    withoutEarlyMilestones: RetentionArm
  }
  /** Per value of the segment trait (`benchmarks.segmentBy[0]`, else `plan`): share of eligible milestones achieved. */
  completionBySegment: { trait: string; segments: { value: string; accounts: number; completionRate: number }[] }
}

/** Milestones per account-month, two decimals; 0 without accounts. */
export function densityOf(achievedTotal: number, tenureMs: number): number {
  return tenureMs === 0 ? 0 : Math.round((achievedTotal / (tenureMs / MONTH_MS)) * 100) / 100
}

/**
 * Milestone density, retention of accounts with early milestones against those without, and completion by segment.
 * `retainedUnits` holds the account ids (user ids for users without one) with an event in the retention window.
 */
export function computeSuccessMetrics(program: Program, members: readonly CohortMember[], retainedUnits: ReadonlySet<string>, now: Date): SuccessMetrics {
  const trait = program.benchmarks?.segmentBy?.[0] ?? 'plan'
  const units = new Map<string, CohortMember[]>()
  for (const member of members) {
    const key = member.subject.accountId ?? member.subject.userId
    const list = units.get(key)
    if (list) list.push(member)
    else units.set(key, [member])
  }
  let achievedTotal = 0
  // Whole milliseconds, so the sum is exact in any order (the incrementally kept figures add it up differently).
  let tenureMs = 0
  const arms = { withEarlyMilestones: { accounts: 0, retained: 0 }, withoutEarlyMilestones: { accounts: 0, retained: 0 } }
  const bySegment = new Map<string, { accounts: number; achieved: number; eligible: number }>()
  for (const [unit, list] of units) {
    const start = Math.min(...list.map((m) => Date.parse(m.subject.signedUpAt)))
    const firstAchieved = new Map<string, number>()
    const eligible = new Set<string>()
    for (const { progress } of list) {
      for (const [id, entry] of Object.entries(progress.milestones)) {
        if (entry.state !== 'ineligible') eligible.add(id)
        if (entry.state === 'achieved' && entry.achievedAt !== undefined) firstAchieved.set(id, Math.min(firstAchieved.get(id) ?? Infinity, Date.parse(entry.achievedAt)))
      }
    }
    const tenureDays = (now.getTime() - start) / DAY_MS
    achievedTotal += firstAchieved.size
    tenureMs += Math.max(MONTH_MS, now.getTime() - start)
    if (tenureDays >= RETENTION_WINDOW_DAYS[1]) {
      const early = [...firstAchieved.values()].filter((at) => at - start <= EARLY_DAYS * DAY_MS).length >= EARLY_MILESTONES
      const arm = early ? arms.withEarlyMilestones : arms.withoutEarlyMilestones
      arm.accounts++
      if (retainedUnits.has(unit)) arm.retained++
    }
    const value = String(list.find((m) => m.subject.traits?.[trait] !== undefined)?.subject.traits?.[trait] ?? 'unknown')
    const segment = bySegment.get(value) ?? { accounts: 0, achieved: 0, eligible: 0 }
    segment.accounts++
    segment.achieved += firstAchieved.size
    segment.eligible += eligible.size
    bySegment.set(value, segment)
  }
  return successMetricsOf({ achievedTotal, tenureMs, arms, trait, segments: bySegment })
}

/** Counts per retention arm (before their rate) and per segment value, as both the scan and the kept aggregates tally them. */
export interface SuccessTallies {
  achievedTotal: number
  tenureMs: number
  arms: Record<'withEarlyMilestones' | 'withoutEarlyMilestones', { accounts: number; retained: number }>
  trait: string
  segments: Iterable<[string, { accounts: number; achieved: number; eligible: number }]>
}

/** The `SuccessMetrics` answer from its tallies: one shape for the per-request scan and the kept aggregates. */
export function successMetricsOf({ achievedTotal, tenureMs, arms, trait, segments }: SuccessTallies): SuccessMetrics {
  const withRate = (arm: { accounts: number; retained: number }): RetentionArm => ({ ...arm, rate: arm.accounts === 0 ? null : arm.retained / arm.accounts })
  return {
    milestoneDensity: densityOf(achievedTotal, tenureMs),
    retention: {
      earlyMilestones: EARLY_MILESTONES,
      earlyDays: EARLY_DAYS,
      windowDays: [...RETENTION_WINDOW_DAYS],
      withEarlyMilestones: withRate(arms.withEarlyMilestones),
      withoutEarlyMilestones: withRate(arms.withoutEarlyMilestones),
    },
    completionBySegment: {
      trait,
      segments: [...segments]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([value, s]) => ({ value, accounts: s.accounts, completionRate: s.eligible === 0 ? 0 : s.achieved / s.eligible })),
    },
  }
}
