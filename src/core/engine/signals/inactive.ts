import type { SignalCriterion } from '../../schemas/program'
import { DAY_MS } from '../types'
import { firstAfter, lastAtOrBefore, type EventLists } from './event-times'
import type { SignalOutcome } from './types'

type Inactive = Extract<SignalCriterion, { kind: 'inactive' }>

/**
 * Active when no matching event lies in `(now − days×24h, now]` and the subject signed up at least that long
 * ago, i.e. from `max(last matching event, signedUpAt) + days×24h` on; the next matching event clears it.
 */
export function evaluateInactive(criterion: Inactive, lists: EventLists, signedUpAt: number, now: number): SignalOutcome {
  const last = lastAtOrBefore(lists, now)
  const activeAt = Math.max(last ?? -Infinity, signedUpAt) + criterion.days * DAY_MS
  const nextEvent = firstAfter(lists, now)
  if (now >= activeAt) return { state: 'active', since: activeAt, nextChange: nextEvent }
  return { state: 'clear', since: undefined, nextChange: Math.min(activeAt, nextEvent) }
}
