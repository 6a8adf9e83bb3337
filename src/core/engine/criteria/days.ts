import type { LeafCriterion } from '../../schemas/program'
import { sweepWindow } from '../sliding-window'
import { DAY_MS, type CriterionContext, type CriterionResult } from '../types'
import { collect } from './collect'
import { distinctTally } from './tallies'

type DaysCriterion = Extract<LeafCriterion, { kind: 'days' }>

/**
 * Distinct calendar days (in the subject's time zone) with a matching event. With `within`, only the days of
 * events inside the sliding window count: the window slides on timestamps, the days are labels of its events.
 */
export function evaluateDays(criterion: DaysCriterion, context: CriterionContext): CriterionResult {
  const windowMs = criterion.within === undefined ? undefined : criterion.within.days * DAY_MS
  const input = collect(context, criterion.event, criterion.where, (event) => context.calendar.dayIndex(event.ms))
  const result = sweepWindow(input, distinctTally<number>(), criterion.atLeast, context.now, windowMs)
  return { ...result, target: criterion.atLeast }
}
