import type { CriterionResult } from './types'

/** A running aggregate over the events currently inside the window. */
export interface Tally<K> {
  add(key: K): void
  remove(key: K): void
  value(): number
  /** An independent copy (the incremental evaluator looks ahead to `now` on a copy; see criteria/resumable.ts). */
  clone(): Tally<K>
}

/**
 * Events of one leaf criterion, already filtered, in time order: `keys[i]` is what event `i` adds to the tally
 * (empty for a tally that reads no key, a count).
 */
export interface SweepInput<K> {
  readonly times: readonly number[]
  readonly keys: readonly K[]
}

/** Where a sweep stands: the tally of the window and both pointers. Kept by the incremental evaluator to resume. */
export interface SweepState<K> {
  readonly tally: Tally<K>
  entering: number
  leaving: number
  achievedAt: number | undefined
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
  return resumeSweep(input, { tally, entering: 0, leaving: 0, achievedAt: undefined }, atLeast, now, windowMs)
}

/**
 * The same sweep, continued from `state` (which it advances) through every change point at or before `upTo`;
 * returns the next change point after it. Starting from a fresh state it *is* `sweepWindow`; continued after
 * events were appended to `input` at or after the last moment it processed, it reaches exactly the state a fresh
 * sweep would — the incremental evaluator's O(new events) path.
 */
export function resumeSweep<K>(
  input: SweepInput<K>,
  state: SweepState<K>,
  atLeast: number,
  upTo: number,
  windowMs: number | undefined,
): Omit<CriterionResult, 'target'> {
  const { times, keys } = input
  const { tally } = state
  const count = times.length
  let { entering, leaving, achievedAt } = state
  let moment: number
  for (;;) {
    const nextEntry = entering < count ? (times[entering] as number) : Infinity
    const nextExit = windowMs !== undefined && leaving < entering ? (times[leaving] as number) + windowMs : Infinity
    moment = Math.min(nextEntry, nextExit)
    if (moment > upTo) break
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
  state.entering = entering
  state.leaving = leaving
  state.achievedAt = achievedAt
  // `moment` is now the next change point after `upTo` (or Infinity): nothing can change before it.
  return { current: tally.value(), achievedAt, stableUntil: moment }
}
