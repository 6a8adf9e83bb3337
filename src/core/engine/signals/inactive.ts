import type { SignalCriterion } from '../../schemas/program'
import { DAY_MS } from '../types'
import { firstAfter, lastAtOrBefore, type EventLists } from './event-times'
import type { SignalOutcome } from './types'

type Inactive = Extract<SignalCriterion, { kind: 'inactive' }>

/**
 * How long a return stays news: the widget keeps its "welcome back" for a day after the event that ended an
 * inactive period, so the visit that brought someone back (its own log-in clears the signal) still greets them.
 */
export const RETURN_WINDOW_MS = DAY_MS

/**
 * Active when no matching event lies in `(now − days×24h, now]` and the subject signed up at least that long
 * ago, i.e. from `max(last matching event, signedUpAt) + days×24h` on; the next matching event clears it.
 * While clear, `clearedAt` is the time of the event that ended the latest active period if that lies in
 * `(now − 24h, now]`; at `clearedAt + 24h` it lapses, so that moment is a change too.
 */
export function evaluateInactive(criterion: Inactive, lists: EventLists, signedUpAt: number, now: number): SignalOutcome {
  const last = lastAtOrBefore(lists, now)
  const activeAt = Math.max(last ?? -Infinity, signedUpAt) + criterion.days * DAY_MS
  const nextEvent = firstAfter(lists, now)
  if (now >= activeAt) return { state: 'active', since: activeAt, nextChange: nextEvent }
  const clearedAt = returnIn(criterion, lists, signedUpAt, now)
  const lapse = clearedAt === undefined ? Infinity : clearedAt + RETURN_WINDOW_MS
  return { state: 'clear', since: undefined, clearedAt, nextChange: Math.min(activeAt, nextEvent, lapse) }
}

/**
 * The event in `(now − 24h, now]` that ended an active period, if any. An event ends one when the signal was
 * active just before it: it comes more than days×24h after both the previous matching event and signup.
 * Since days ≥ 1, only the window's first event can: any later one has an event less than 24 h before it.
 */
function returnIn(criterion: Inactive, lists: EventLists, signedUpAt: number, now: number): number | undefined {
  const first = firstAfter(lists, now - RETURN_WINDOW_MS)
  if (first > now) return undefined
  const previous = lastAtOrBefore(lists, first - 1)
  const activeAt = Math.max(previous ?? -Infinity, signedUpAt) + criterion.days * DAY_MS
  return first > activeAt ? first : undefined
}
