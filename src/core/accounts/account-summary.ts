import type { CohortMember } from '../benchmarks'
import type { Program } from '../schemas/program'

const DAY_MS = 24 * 60 * 60 * 1000

/** One account as customer success sees it: its members' progress folded together. */
export interface AccountSummary {
  accountId: string
  users: number
  /** The earliest member's signup: when the account started. */
  signedUpAt: string
  /** Whole days since `signedUpAt`. */
  daysSinceSignup: number
  /** Segment trait values (`benchmarks.segmentBy`) of the account, from its first member that has them. */
  segment: string
  /** Milestone ids achieved by any member (account-unit milestones once, time-based ones not at all), with the first achievedAt. */
  achievedAt: Map<string, number>
  /** Milestones still open for some member (available or in progress). */
  openMilestones: string[]
  /** Active signal ids across members, in program order. */
  signals: string[]
  /** Whether the program's last level is complete for some member. */
  lastLevelComplete: boolean
}

/**
 * Folds subjects into accounts (users without an account are not accounts and are left out), sorted by account id.
 * `now` bounds what counts as achieved, so a snapshot written ahead of the clock is not believed early.
 */
export function summarizeAccounts(program: Program, members: readonly CohortMember[], now: Date): AccountSummary[] {
  const segmentBy = program.benchmarks?.segmentBy ?? []
  const lastLevel = program.levels.at(-1)?.id
  const signalOrder = (program.signals ?? []).map((s) => s.id)
  const milestoneIds = program.milestones.map((m) => m.id)
  // Time-based milestones ("30 days with Taskly") come to everyone who waits: they say nothing about pace or expansion.
  const timeBased = new Set(program.milestones.filter((m) => m.criterion.kind === 'tenure').map((m) => m.id))
  const byAccount = new Map<string, CohortMember[]>()
  for (const member of members) {
    const accountId = member.subject.accountId
    if (accountId === undefined) continue
    const list = byAccount.get(accountId)
    if (list) list.push(member)
    else byAccount.set(accountId, [member])
  }
  const nowMs = now.getTime()
  const summaries: AccountSummary[] = []
  for (const [accountId, list] of byAccount) {
    let signedUpMs = Infinity
    for (const member of list) signedUpMs = Math.min(signedUpMs, Date.parse(member.subject.signedUpAt))
    const achievedAt = new Map<string, number>()
    const open = new Set<string>()
    const signals = new Set<string>()
    let lastLevelComplete = false
    for (const { progress } of list) {
      for (const id in progress.milestones) {
        if (timeBased.has(id)) continue
        const entry = progress.milestones[id]!
        if (entry.state === 'achieved') {
          const at = entry.achievedAt === undefined ? NaN : Date.parse(entry.achievedAt)
          if (at <= nowMs) achievedAt.set(id, Math.min(achievedAt.get(id) ?? Infinity, at))
        } else if (entry.state === 'available' || entry.state === 'in_progress') open.add(id)
      }
      for (const signal of progress.signals ?? []) if (signal.state === 'active') signals.add(signal.id)
      if (lastLevel !== undefined && progress.levels.some((l) => l.id === lastLevel && l.state === 'complete')) lastLevelComplete = true
    }
    const traits = list.find((m) => segmentBy.every((t) => m.subject.traits?.[t] !== undefined))?.subject.traits
    summaries.push({
      accountId,
      users: list.length,
      signedUpAt: new Date(signedUpMs).toISOString(),
      daysSinceSignup: Math.max(0, Math.floor((nowMs - signedUpMs) / DAY_MS)),
      segment: JSON.stringify(segmentBy.map((t) => traits?.[t] ?? null)),
      achievedAt,
      openMilestones: milestoneIds.filter((id) => open.has(id) && !achievedAt.has(id)),
      signals: signalOrder.filter((id) => signals.has(id)),
      lastLevelComplete,
    })
  }
  return summaries.sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0))
}
