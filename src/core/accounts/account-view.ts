import { DEFAULT_MIN_COHORT, type CohortMember } from '../benchmarks'
import type { Program } from '../schemas/program'
import { summarizeAccounts, type AccountSummary } from './account-summary'
import { paceOfAccounts, type Pace } from './pace'

const DAY_MS = 24 * 60 * 60 * 1000
/** "No milestone in 30 days — check in" (the seeds' wording), unless the program's own `stalled` signal says otherwise. */
export const DEFAULT_STALLED_DAYS = 30
/** Expansion: this many milestones within `RECENT_DAYS`, or the last level complete. */
const EXPANSION_MILESTONES = 3
const RECENT_DAYS = 30

export const ACCOUNT_SEGMENTS = ['at_risk', 'stalled', 'behind_pace', 'expansion', 'all'] as const
export type AccountSegment = (typeof ACCOUNT_SEGMENTS)[number]

/** One row of `GET /v1/accounts` (DESIGN §7.4). */
export interface AccountRow {
  accountId: string
  users: number
  daysSinceSignup: number
  milestonesAchieved: number
  lastMilestoneAt?: string
  pace: Pace
  signals: string[]
  suggestedAction: string
}

/** A row and the segments it belongs to (`all` always). */
export interface AccountViewEntry {
  row: AccountRow
  segments: ReadonlySet<AccountSegment>
}

/**
 * Every account with its pace, signals, segments and one suggested action in the seeds' spirit: check in with those
 * at risk, share a tip with those on track, and talk advocacy or expansion with high achievers. Sorted by account id.
 */
export function buildAccountView(program: Program, members: readonly CohortMember[], now: Date): AccountViewEntry[] {
  const summaries = summarizeAccounts(program, members, now)
  const pace = paceOfAccounts(summaries, program.benchmarks?.minCohort ?? DEFAULT_MIN_COHORT)
  const stalledDays = program.signals?.find((s) => s.criterion.kind === 'stalled')?.criterion.days ?? DEFAULT_STALLED_DAYS
  const titles = new Map(program.milestones.map((m) => [m.id, m.title]))
  return summaries.map((summary) => {
    const times = [...summary.achievedAt.values()]
    const last = times.length > 0 ? times.reduce((a, b) => Math.max(a, b)) : undefined
    const sinceMs = now.getTime() - (last ?? Date.parse(summary.signedUpAt))
    const stalled = summary.openMilestones.length > 0 && sinceMs >= stalledDays * DAY_MS
    const recent = times.filter((t) => now.getTime() - t <= RECENT_DAYS * DAY_MS).length
    const expansion = recent >= EXPANSION_MILESTONES || summary.lastLevelComplete
    const accountPace = pace.get(summary.accountId) ?? 'on_track'
    const segments = new Set<AccountSegment>(['all'])
    if (stalled) segments.add('stalled')
    if (accountPace === 'behind') segments.add('behind_pace')
    if (expansion) segments.add('expansion')
    if (stalled || accountPace === 'behind' || summary.signals.length > 0) segments.add('at_risk')
    const row: AccountRow = {
      accountId: summary.accountId,
      users: summary.users,
      daysSinceSignup: summary.daysSinceSignup,
      milestonesAchieved: summary.achievedAt.size,
      ...(last !== undefined && { lastMilestoneAt: new Date(last).toISOString() }),
      pace: accountPace,
      signals: summary.signals,
      suggestedAction: suggestAction(program, titles, summary, { stalled, stalledDays, pace: accountPace, recent }),
    }
    return { row, segments }
  })
}

interface Situation {
  stalled: boolean
  stalledDays: number
  pace: Pace
  recent: number
}

/** The most pressing thing to do, first match wins: risk before pace, pace before praise. */
function suggestAction(program: Program, titles: ReadonlyMap<string, string>, summary: AccountSummary, situation: Situation): string {
  const next = summary.openMilestones[0] === undefined ? undefined : titles.get(summary.openMilestones[0])
  const signal = program.signals?.find((s) => s.id === summary.signals[0])
  if (signal?.criterion.kind === 'inactive') return `Check in: no activity for ${signal.criterion.days}+ days. Offer a short walkthrough of what they set up.`
  if (signal?.criterion.kind === 'usage_drop') return 'Usage dropped: ask what changed and offer help before it becomes churn.'
  if (situation.stalled) {
    return next
      ? `Check in: no milestone in ${situation.stalledDays}+ days. Suggest "${next}" as the next step.`
      : `Check in: no milestone in ${situation.stalledDays}+ days.`
  }
  if (signal) return `Check in: "${signal.title}" is active.`
  if (situation.pace === 'behind') return next ? `Behind typical pace: offer onboarding help with "${next}".` : 'Behind typical pace: offer onboarding help.'
  if (summary.lastLevelComplete) return 'Every level complete: invite them to the beta, or ask for a review or case study.'
  if (situation.recent >= EXPANSION_MILESTONES) return `${situation.recent} milestones in the last ${RECENT_DAYS} days: a good moment to talk about expansion.`
  if (situation.pace === 'ahead') return 'Ahead of pace: invite them to share feedback or become a reference.'
  return next ? `On track: share a tip for "${next}".` : 'On track: nothing open right now.'
}
