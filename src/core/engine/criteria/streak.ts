import type { LeafCriterion } from '../../schemas/program'
import type { CriterionContext, CriterionResult } from '../types'
import { collectLeaf } from './resumable'

type StreakCriterion = Extract<LeafCriterion, { kind: 'streak' }>

/**
 * Consecutive days or Monday-based weeks (subject's zone) with a matching event. Runs are merged as periods
 * appear — each run's length is stored at both of its ends — so `achievedAt` is the time of the event that
 * first completes a run of `atLeast`, in O(1) per event and whatever order periods arrive in.
 * `current` is the run ending in the period of `now`, or in the one before (today's check-in may still come).
 */
export function evaluateStreak(criterion: StreakCriterion, context: CriterionContext): CriterionResult {
  const { calendar, now } = context
  const periodOf = (ms: number) => (criterion.period === 'day' ? calendar.dayIndex(ms) : calendar.weekIndex(ms))
  const input = collectLeaf(context, criterion, criterion.event, criterion.where, (event) => periodOf(event.ms))

  const runLengthAtEnds = new Map<number, number>()
  let achievedAt: number | undefined
  let nextEventAt = Infinity
  for (let i = 0; i < input.times.length; i++) {
    const time = input.times[i] as number
    if (time > now) {
      nextEventAt = time
      break
    }
    const period = input.keys[i] as number
    if (runLengthAtEnds.has(period)) continue
    const before = runLengthAtEnds.get(period - 1) ?? 0
    const after = runLengthAtEnds.get(period + 1) ?? 0
    const length = before + 1 + after
    runLengthAtEnds.set(period, length)
    runLengthAtEnds.set(period - before, length)
    runLengthAtEnds.set(period + after, length)
    if (achievedAt === undefined && length >= criterion.atLeast) achievedAt = time
  }

  const nowPeriod = periodOf(now)
  const lastPeriod = runLengthAtEnds.has(nowPeriod) ? nowPeriod : nowPeriod - 1
  let current = 0
  while (runLengthAtEnds.has(lastPeriod - current)) current++
  // A live run ends (or moves from "today" to "yesterday") when the period turns over.
  const stableUntil = current > 0 ? Math.min(nextEventAt, calendar.nextPeriodStart(now, criterion.period)) : nextEventAt
  return { current, target: criterion.atLeast, achievedAt, stableUntil }
}
