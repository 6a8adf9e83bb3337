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
  const holds = (before: number, recent: number): boolean => before >= minBefore && recent * 100 <= before * (100 - criterion.dropPercent)
  const activeAt = (t: number): boolean => holds(countIn(lists, t - 2 * span, t - span), countIn(lists, t - span, t))

  const active = activeAt(now)
  const nextChange = nextFlip(timesIn(lists, now - 2 * span, Infinity), now, span, active, holds)
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

/**
 * The first change point after `now` where the state differs from `active`. `times` (sorted) are the events after
 * `now − 2×days`; their points come in three sorted streams — each event's time, +days, +2×days — merged with three
 * cursors while both counts move by one per point, instead of sorting every point and counting both windows
 * again at each (the server evaluates this on every assessment while the signal is clear).
 */
function nextFlip(times: readonly number[], now: number, span: number, active: boolean, holds: (before: number, recent: number) => boolean): number {
  const count = times.length
  let before = 0
  let recent = 0
  for (const time of times) {
    if (time > now) break
    if (time > now - span) recent++
    else before++
  }
  // Cursors at the first point of each stream after now: entering `recent`, moving to `before`, leaving it.
  let entering = 0
  while (entering < count && (times[entering] as number) <= now) entering++
  let moving = 0
  while (moving < count && (times[moving] as number) + span <= now) moving++
  let leaving = 0
  const at = (index: number, offset: number) => (index < count ? (times[index] as number) + offset : Infinity)
  for (;;) {
    const point = Math.min(at(entering, 0), at(moving, span), at(leaving, 2 * span))
    if (point === Infinity) return Infinity
    while (at(entering, 0) === point) {
      recent++
      entering++
    }
    while (at(moving, span) === point) {
      recent--
      before++
      moving++
    }
    while (at(leaving, 2 * span) === point) {
      before--
      leaving++
    }
    if (holds(before, recent) !== active) return point
  }
}
