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
  /**
   * Earliest signup, ms, of a member with an event in its own retention window: the unit counts as retained once that
   * member is `RETENTION_WINDOW_DAYS[1]` days old. Undefined when no member has such an event.
   */
  retainedBy: number | undefined
  achieved: number
  eligible: number
  early: boolean
  segment: string
}

/**
 * `computeSuccessMetrics`, kept up to date instead of recomputed: members are grouped into units as there; a member
 * change recomputes only its unit (O(unit size × milestones)) and moves that unit's figures in the totals. Tenure,
 * which moves with `now`, is read from signup times kept in order (count and sum of those before a moment), and so is
 * retention: each member says whether it has an event in days 29–56 after its own signup (`windowEvents`, from the
 * events), and a unit is retained at `now` once such a member is 56 days old — what the retention query answers. So
 * `read` costs O(log units + segments). Same JSON as the scan given the query's retained units (property-tested).
 */
export interface SuccessAggregates {
  /**
   * Counts `member` in, replacing the member with its user id if one is counted; `windowEvents`: whether the member has
   * an event in days 29–56 after its own signup (`RETENTION_WINDOW_DAYS`). @default false
   */
  set(member: CohortMember, windowEvents?: boolean): void
  /**
   * Counts many members in faster than `set` one by one: members are grouped first, each unit's figures computed
   * once and the signup trees built once. Add through the loader, then run every step `finish()` returns in order
   * (yield between them: each is a slice of the work); until the last has run, `read` is not ready. Only on
   * aggregates nothing was set on yet.
   */
  load(): { add(member: CohortMember, windowEvents?: boolean): void; finish(): (() => void)[] }
  /** The metrics at `now`. */
  read(now: Date): SuccessMetrics
}

/** Empty success aggregates for `program` (its segment trait). */
export function createSuccessAggregates(program: Program): SuccessAggregates {
  const trait = program.benchmarks?.segmentBy?.[0] ?? 'plan'
  const units = new Map<string, Map<string, CohortMember>>()
  const unitOfUser = new Map<string, string>()
  /** Users with an event in their retention window. */
  const windowUsers = new Set<string>()
  const figures = new Map<string, UnitFigures>()
  let starts = new OrderStatisticTree()
  let early = new OrderStatisticTree()
  let late = new OrderStatisticTree()
  /** `retainedBy` of retained units, by arm. */
  let retainedEarly = new OrderStatisticTree()
  let retainedLate = new OrderStatisticTree()
  const segments = new Map<string, { accounts: number; achieved: number; eligible: number }>()
  let achievedTotal = 0

  /** While loading: signup offsets of all units, of early ones and of the rest, and of retained ones, turned into trees at the end. */
  let pending: { starts: number[]; early: number[]; late: number[]; retainedEarly: number[]; retainedLate: number[] } | undefined

  const count = (unit: UnitFigures, sign: 1 | -1) => {
    const offset = unit.start - EPOCH_MS
    const retained = unit.retainedBy === undefined ? undefined : unit.retainedBy - EPOCH_MS
    if (pending) {
      pending.starts.push(offset)
      ;(unit.early ? pending.early : pending.late).push(offset)
      if (retained !== undefined) (unit.early ? pending.retainedEarly : pending.retainedLate).push(retained)
    } else {
      const moves: [OrderStatisticTree, number][] = [[starts, offset], [unit.early ? early : late, offset]]
      if (retained !== undefined) moves.push([unit.early ? retainedEarly : retainedLate, retained])
      for (const [tree, key] of moves) {
        if (sign === 1) tree.add(key)
        else tree.remove(key)
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
    const after = unitFigures([...members.values()], trait, windowUsers)
    figures.set(key, after)
    count(after, 1)
  }

  /** Puts `member` in its unit (out of a previous one); returns the units whose figures are now out of date. */
  const place = (member: CohortMember, windowEvents: boolean): string[] => {
    const { userId } = member.subject
    if (windowEvents) windowUsers.add(userId)
    else windowUsers.delete(userId)
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
    set(member, windowEvents = false) {
      for (const key of place(member, windowEvents)) recount(key)
    },
    load() {
      if (units.size > 0 || pending) throw new Error('load() fills empty aggregates only')
      return {
        add: (member, windowEvents = false) => void place(member, windowEvents),
        finish: () => {
          pending = { starts: [], early: [], late: [], retainedEarly: [], retainedLate: [] }
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
            retainedEarly = OrderStatisticTree.from(pending!.retainedEarly)
            retainedLate = OrderStatisticTree.from(pending!.retainedLate)
            pending = undefined
          })
          return steps
        },
      }
    },
    read(now) {
      const nowOffset = now.getTime() - EPOCH_MS
      // Units past their first month count their tenure; younger ones one month each.
      const old = starts.atMost(nowOffset - MONTH_MS)
      const tenureMs = old.count * nowOffset - old.sum + (starts.size - old.count) * MONTH_MS
      const windowEnd = nowOffset - RETENTION_WINDOW_DAYS[1] * DAY_MS
      // A unit retained by then is old enough too: its earliest signup is at most the retaining member's.
      const arms = {
        withEarlyMilestones: { accounts: early.atMost(windowEnd).count, retained: retainedEarly.atMost(windowEnd).count },
        withoutEarlyMilestones: { accounts: late.atMost(windowEnd).count, retained: retainedLate.atMost(windowEnd).count },
      }
      return successMetricsOf({ achievedTotal, tenureMs, arms, trait, segments })
    },
  }
}

/** One unit's figures from its members, as `computeSuccessMetrics` derives them (members in user id order). */
function unitFigures(members: CohortMember[], trait: string, windowUsers: ReadonlySet<string>): UnitFigures {
  members.sort((a, b) => (a.subject.userId < b.subject.userId ? -1 : a.subject.userId > b.subject.userId ? 1 : 0))
  const start = Math.min(...members.map((m) => Date.parse(m.subject.signedUpAt)))
  const retainers = members.filter((m) => windowUsers.has(m.subject.userId)).map((m) => Date.parse(m.subject.signedUpAt))
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
    retainedBy: retainers.length === 0 ? undefined : Math.min(...retainers),
    achieved: firstAchieved.size,
    eligible: eligible.size,
    early: earlyCount >= EARLY_MILESTONES,
    segment: String(members.find((m) => m.subject.traits?.[trait] !== undefined)?.subject.traits?.[trait] ?? 'unknown'),
  }
}
