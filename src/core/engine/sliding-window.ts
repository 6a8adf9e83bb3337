import type { CriterionResult } from './types'

/** A running aggregate over the events currently inside the window. */
export interface Tally<K> {
  add(key: K): void
  remove(key: K): void
  value(): number
}

/** Events of one leaf criterion, already filtered, in time order: `keys[i]` is what event `i` adds to the tally. */
export interface SweepInput<K> {
  readonly times: readonly number[]
  readonly keys: readonly K[]
}

/**
 * Sweeps the change points of a window `(t − windowMs, t]` up to `now` with two pointers: an event enters at
 * its timestamp and leaves exactly `windowMs` later. After each change point the tally is compared with
 * `atLeast`, so `achievedAt` is the first moment the window held enough — also when a leaving negative amount
 * raised a sum. Without `windowMs` nothing ever leaves (the window is all of history). O(n) for sorted input.
 */
export function sweepWindow<K>(
  input: SweepInput<K>,
  tally: Tally<K>,
  atLeast: number,
  now: number,
  windowMs: number | undefined,
): Omit<CriterionResult, 'target'> {
  const { times, keys } = input
  const count = times.length
  let entering = 0
  let leaving = 0
  let achievedAt: number | undefined
  let moment: number
  for (;;) {
    const nextEntry = entering < count ? (times[entering] as number) : Infinity
    const nextExit = windowMs !== undefined && leaving < entering ? (times[leaving] as number) + windowMs : Infinity
    moment = Math.min(nextEntry, nextExit)
    if (moment > now) break
    while (windowMs !== undefined && leaving < entering && (times[leaving] as number) + windowMs <= moment) {
      tally.remove(keys[leaving] as K)
      leaving++
    }
    while (entering < count && times[entering] === moment) {
      tally.add(keys[entering] as K)
      entering++
    }
    if (achievedAt === undefined && tally.value() >= atLeast) achievedAt = moment
  }
  // `moment` is now the next change point after `now` (or Infinity): nothing can change before it.
  return { current: tally.value(), achievedAt, stableUntil: moment }
}
