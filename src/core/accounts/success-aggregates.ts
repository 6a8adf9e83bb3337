import type { CohortMember } from '../benchmarks'
import { OrderStatisticTree } from '../order-statistic-tree'
import type { Program } from '../schemas/program'
import { EARLY_DAYS, EARLY_MILESTONES, MONTH_MS, RETENTION_WINDOW_DAYS, successMetricsOf, type SuccessMetrics } from './success-metrics'

const DAY_MS = 24 * 60 * 60 * 1000
/** Units whose figures one loading step computes: a few milliseconds of work between yields. */
const UNITS_PER_STEP = 500
/** Signup times are kept as offsets from here, so sums of thousands of them stay exact integers. */
const EPOCH_MS = Date.UTC(2026, 0, 1)

/** What one unit (an account, or a user without one) adds to the success metrics, apart from its tenure. */
interface UnitFigures {
  /** Earliest member signup, ms. */
  start: number
  achieved: number
  eligible: number
  early: boolean
  segment: string
}

/**
 * `computeSuccessMetrics`, kept up to date instead of recomputed: members are grouped into units as there; a member
 * change recomputes only its unit (O(unit size × milestones)) and moves that unit's figures in the totals. Tenure,
 * which moves with `now`, is read from signup times kept in order (count and sum of those before a moment), so `read`
 * costs O(log units + segments + retained units). Same JSON as the scan (property-tested).
 */
export interface SuccessAggregates {
  /** Counts `member` in, replacing the member with its user id if one is counted. */
  set(member: CohortMember): void
  /**
   * Counts many members in faster than `set` one by one: members are grouped first, each unit's figures computed
   * once and the signup trees built once. Add through the loader, then run every step `finish()` returns in order
   * (yield between them: each is a slice of the work); until the last has run, `read` is not ready. Only on
   * aggregates nothing was set on yet.
   */
  load(): { add(member: CohortMember): void; finish(): (() => void)[] }
  /** The metrics at `now`; `retainedUnits` as for `computeSuccessMetrics`. */
  read(retainedUnits: ReadonlySet<string>, now: Date): SuccessMetrics
}

/** Empty success aggregates for `program` (its segment trait). */
export function createSuccessAggregates(program: Program): SuccessAggregates {
  const trait = program.benchmarks?.segmentBy?.[0] ?? 'plan'
  const units = new Map<string, Map<string, CohortMember>>()
  const unitOfUser = new Map<string, string>()
  const figures = new Map<string, UnitFigures>()
  let starts = new OrderStatisticTree()
  let early = new OrderStatisticTree()
  let late = new OrderStatisticTree()
  const segments = new Map<string, { accounts: number; achieved: number; eligible: number }>()
  let achievedTotal = 0

  /** While loading: signup offsets of all units, of early ones and of the rest, turned into trees at the end. */
  let pending: { starts: number[]; early: number[]; late: number[] } | undefined

  const count = (unit: UnitFigures, sign: 1 | -1) => {
    const offset = unit.start - EPOCH_MS
    if (pending) {
      pending.starts.push(offset)
      ;(unit.early ? pending.early : pending.late).push(offset)
    } else {
      for (const tree of [starts, unit.early ? early : late]) {
        if (sign === 1) tree.add(offset)
        else tree.remove(offset)
      }
    }
    achievedTotal += sign * unit.achieved
    const segment = segments.get(unit.segment) ?? { accounts: 0, achieved: 0, eligible: 0 }
    segment.accounts += sign
    segment.achieved += sign * unit.achieved
    segment.eligible += sign * unit.eligible
    if (segment.accounts === 0) segments.delete(unit.segment)
    else segments.set(unit.segment, segment)
  }

  const recount = (key: string) => {
    const before = figures.get(key)
    if (before) count(before, -1)
    const members = units.get(key)
    if (!members || members.size === 0) {
      figures.delete(key)
      units.delete(key)
      return
    }
    const after = unitFigures([...members.values()], trait)
    figures.set(key, after)
    count(after, 1)
  }

  /** Puts `member` in its unit (out of a previous one); returns the units whose figures are now out of date. */
  const place = (member: CohortMember): string[] => {
    const { userId } = member.subject
    const key = member.subject.accountId ?? userId
    const previous = unitOfUser.get(userId)
    unitOfUser.set(userId, key)
    let members = units.get(key)
    if (!members) units.set(key, (members = new Map()))
    members.set(userId, member)
    if (previous === undefined || previous === key) return [key]
    units.get(previous)!.delete(userId)
    return [previous, key]
  }

  return {
    set(member) {
      for (const key of place(member)) recount(key)
    },
    load() {
      if (units.size > 0 || pending) throw new Error('load() fills empty aggregates only')
      return {
        add: (member) => void place(member),
        finish: () => {
          pending = { starts: [], early: [], late: [] }
          const keys = [...units.keys()]
          const steps: (() => void)[] = []
          for (let from = 0; from < keys.length; from += UNITS_PER_STEP) {
            steps.push(() => {
              for (const key of keys.slice(from, from + UNITS_PER_STEP)) recount(key)
            })
          }
          steps.push(() => {
            starts = OrderStatisticTree.from(pending!.starts)
            early = OrderStatisticTree.from(pending!.early)
            late = OrderStatisticTree.from(pending!.late)
            pending = undefined
          })
          return steps
        },
      }
    },
    read(retainedUnits, now) {
      const nowOffset = now.getTime() - EPOCH_MS
      // Units past their first month count their tenure; younger ones one month each.
      const old = starts.atMost(nowOffset - MONTH_MS)
      const tenureMs = old.count * nowOffset - old.sum + (starts.size - old.count) * MONTH_MS
      const windowEnd = nowOffset - RETENTION_WINDOW_DAYS[1] * DAY_MS
      const arms = {
        withEarlyMilestones: { accounts: early.atMost(windowEnd).count, retained: 0 },
        withoutEarlyMilestones: { accounts: late.atMost(windowEnd).count, retained: 0 },
      }
      for (const key of retainedUnits) {
        const unit = figures.get(key)
        if (unit && unit.start - EPOCH_MS <= windowEnd) (unit.early ? arms.withEarlyMilestones : arms.withoutEarlyMilestones).retained++
      }
      return successMetricsOf({ achievedTotal, tenureMs, arms, trait, segments })
    },
  }
}

/** One unit's figures from its members, as `computeSuccessMetrics` derives them (members in user id order). */
function unitFigures(members: CohortMember[], trait: string): UnitFigures {
  members.sort((a, b) => (a.subject.userId < b.subject.userId ? -1 : a.subject.userId > b.subject.userId ? 1 : 0))
  const start = Math.min(...members.map((m) => Date.parse(m.subject.signedUpAt)))
  const firstAchieved = new Map<string, number>()
  const eligible = new Set<string>()
  for (const { progress } of members) {
    for (const [id, entry] of Object.entries(progress.milestones)) {
      if (entry.state !== 'ineligible') eligible.add(id)
      if (entry.state === 'achieved' && entry.achievedAt !== undefined) firstAchieved.set(id, Math.min(firstAchieved.get(id) ?? Infinity, Date.parse(entry.achievedAt)))
    }
  }
  let earlyCount = 0
  for (const at of firstAchieved.values()) if (at - start <= EARLY_DAYS * DAY_MS) earlyCount++
  return {
    start,
    achieved: firstAchieved.size,
    eligible: eligible.size,
    early: earlyCount >= EARLY_MILESTONES,
    segment: String(members.find((m) => m.subject.traits?.[trait] !== undefined)?.subject.traits?.[trait] ?? 'unknown'),
  }
}
