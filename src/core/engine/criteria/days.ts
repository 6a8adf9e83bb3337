import type { LeafCriterion } from '../../schemas/program'
import { DAY_MS, type CriterionContext, type CriterionResult, type IndexedEvent } from '../types'
import { sweepLeaf } from './resumable'
import { distinctTally } from './tallies'

type DaysCriterion = Extract<LeafCriterion, { kind: 'days' }>

/**
 * Distinct calendar days (in the subject's time zone) with a matching event. With `within`, only the days of
 * events inside the sliding window count: the window slides on timestamps, the days are labels of its events.
 */
export function evaluateDays(criterion: DaysCriterion, context: CriterionContext): CriterionResult {
  const windowMs = criterion.within === undefined ? undefined : criterion.within.days * DAY_MS
  const dayOf = (event: IndexedEvent) => context.calendar.dayIndex(event.ms)
  const result = sweepLeaf(context, criterion, criterion.event, criterion.where, dayOf, () => distinctTally<number>(), criterion.atLeast, windowMs)
  return { ...result, target: criterion.atLeast }
}
