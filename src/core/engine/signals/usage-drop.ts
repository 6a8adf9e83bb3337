import type { SignalCriterion } from '../../schemas/program'
import { DAY_MS } from '../types'
import { countIn, timesBackFrom, timesIn, type EventLists } from './event-times'
import type { SignalOutcome } from './types'

type UsageDrop = Extract<SignalCriterion, { kind: 'usage_drop' }>

/** `minBefore` when the program leaves it out: fewer earlier events are too few to call a drop. */
export const DEFAULT_MIN_BEFORE = 3

/**
 * `before` = matching events in `(t − 2×days, t − days]`, `recent` = in `(t − days, t]`; active when
 * `before ≥ minBefore` and `recent ≤ before × (1 − dropPercent/100)` (compared in whole numbers, so 50% of 4
 * is exactly 2). The counts only change where an event enters `recent` (at its time), moves to `before`
 * (+days) or leaves (+2×days), so the state is constant between those points: `since` is the earliest point
 * of the current active run and the next change is the first later point where the state flips.
 */
export function evaluateUsageDrop(criterion: UsageDrop, lists: EventLists, now: number): SignalOutcome {
  const span = criterion.days * DAY_MS
  const minBefore = criterion.minBefore ?? DEFAULT_MIN_BEFORE
  const activeAt = (t: number): boolean => {
    const before = countIn(lists, t - 2 * span, t - span)
    const recent = countIn(lists, t - span, t)
    return before >= minBefore && recent * 100 <= before * (100 - criterion.dropPercent)
  }
  const changePoints = (times: readonly number[]) => times.flatMap((time) => [time, time + span, time + 2 * span])

  const active = activeAt(now)
  // Later points come from events still inside the two windows, or not yet counted.
  const later = changePoints(timesIn(lists, now - 2 * span, Infinity))
    .filter((point) => point > now)
    .sort((a, b) => a - b)
  const nextChange = later.find((point) => activeAt(point) !== active) ?? Infinity
  if (!active) return { state: 'clear', since: undefined, nextChange }

  // Walk back over the change points at or before now (each event's time, +days, +2×days), latest first, and
  // stop at the first where the signal was clear: the cost is the active run, not the history.
  const streams = [0, span, 2 * span].map((offset) => ({ offset, times: timesBackFrom(lists, now - offset) }))
  const heads = streams.map(({ offset, times }) => {
    const next = times.next()
    return next.done ? -Infinity : next.value + offset
  })
  let since = now
  for (;;) {
    let which = 0
    for (let i = 1; i < heads.length; i++) if ((heads[i] as number) > (heads[which] as number)) which = i
    const point = heads[which] as number
    if (point === -Infinity || !activeAt(point)) break
    since = point
    const stream = streams[which] as (typeof streams)[number]
    const next = stream.times.next()
    heads[which] = next.done ? -Infinity : next.value + stream.offset
  }
  return { state: 'active', since, nextChange }
}
