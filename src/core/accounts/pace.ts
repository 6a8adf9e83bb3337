import type { AccountSummary } from './account-summary'

const DAY_MS = 24 * 60 * 60 * 1000

export type Pace = 'ahead' | 'on_track' | 'behind'

/**
 * Each account's pace against accounts of its segment at the same stage (whole days since signup): `behind` below
 * the peers' 25th percentile of milestones achieved by that day, `ahead` above their 75th, else `on_track`. Peers
 * are accounts that signed up at least as long ago, judged by what they had achieved that far into their own life.
 * With fewer than `minCohort` peers nothing is claimed (`on_track`), as benchmarks stay silent below k.
 *
 * One sweep over days per segment with a histogram of counts (counts are small: at most the number of
 * milestones), so 100,000 accounts cost O(accounts + achievements + days × milestones), not a scan per account.
 */
export function paceOfAccounts(summaries: readonly AccountSummary[], minCohort: number): Map<string, Pace> {
  const pace = new Map<string, Pace>()
  const bySegment = new Map<string, AccountSummary[]>()
  for (const summary of summaries) {
    const list = bySegment.get(summary.segment)
    if (list) list.push(summary)
    else bySegment.set(summary.segment, [summary])
  }
  for (const accounts of bySegment.values()) sweepSegment(accounts, minCohort, pace)
  return pace
}

function sweepSegment(accounts: readonly AccountSummary[], minCohort: number, out: Map<string, Pace>): void {
  const maxDay = accounts.reduce((max, a) => Math.max(max, a.daysSinceSignup), 0)
  const endingAt: number[][] = Array.from({ length: maxDay + 1 }, () => [])
  const achievingAt = new Map<number, number[]>()
  let maxCount = 0
  accounts.forEach((account, index) => {
    endingAt[account.daysSinceSignup]!.push(index)
    const start = Date.parse(account.signedUpAt)
    for (const at of account.achievedAt.values()) {
      const day = Math.max(0, Math.floor((at - start) / DAY_MS))
      if (day > account.daysSinceSignup) continue
      const list = achievingAt.get(day)
      if (list) list.push(index)
      else achievingAt.set(day, [index])
    }
    maxCount = Math.max(maxCount, account.achievedAt.size)
  })
  const count = new Array<number>(accounts.length).fill(0)
  const histogram = new Array<number>(maxCount + 2).fill(0)
  histogram[0] = accounts.length
  let present = accounts.length

  for (let day = 0; day <= maxDay; day++) {
    for (const index of achievingAt.get(day) ?? []) {
      histogram[count[index]!]!--
      histogram[++count[index]!]!++
    }
    for (const index of endingAt[day]!) {
      // The account itself is not its own peer.
      histogram[count[index]!]!--
      out.set(accounts[index]!.accountId, judge(count[index]!, histogram, present - 1, minCohort))
      histogram[count[index]!]!++
    }
    for (const index of endingAt[day]!) histogram[count[index]!]!--
    present -= endingAt[day]!.length
  }
}

function judge(own: number, histogram: readonly number[], peers: number, minCohort: number): Pace {
  if (peers < minCohort) return 'on_track'
  if (own < quantile(histogram, peers, 0.25)) return 'behind'
  if (own > quantile(histogram, peers, 0.75)) return 'ahead'
  return 'on_track'
}

/** Nearest-rank quantile of the counts in `histogram` (which holds `total` entries). */
function quantile(histogram: readonly number[], total: number, q: number): number {
  const rank = Math.max(1, Math.ceil(q * total))
  let seen = 0
  for (let value = 0; value < histogram.length; value++) {
    seen += histogram[value]!
    if (seen >= rank) return value
  }
  return histogram.length - 1
}
