import type { Where } from '../../schemas/program'
import { matchesWhere } from '../event-filter'
import type { SweepInput } from '../sliding-window'
import type { IndexedEvent } from '../types'

/**
 * The events of a leaf's bucket (`list`: its name and scope) it counts, in time order: those that match `where`
 * and yield a key.
 * Collection stops after the first matching event beyond `now`: it cannot count yet, but its time bounds
 * how long the result stays valid.
 */
export function collect<K>(
  list: readonly IndexedEvent[],
  now: number,
  where: Where | undefined,
  keyOf: ((event: IndexedEvent) => K | undefined) | undefined,
): SweepInput<K> {
  const input: MutableSweepInput<K> = { times: [], keys: [] }
  collectFrom(list, 0, now, where, keyOf, input)
  return input
}

/** A sweep input that grows as collection resumes. */
export interface MutableSweepInput<K> {
  readonly times: number[]
  readonly keys: K[]
}

/**
 * `collect` over `list` from position `start` into `into` (which may hold what an earlier call collected from
 * the same list up to `start`); returns the position to resume from. Resuming with a later `now` collects
 * exactly what a fresh `collect` would. `keyOf` undefined: every matching event counts and no key is kept
 * (a count's tally reads none; the incremental evaluator holds its input, so a key per event was memory for nothing).
 */
export function collectFrom<K>(
  list: readonly IndexedEvent[],
  start: number,
  now: number,
  where: Where | undefined,
  keyOf: ((event: IndexedEvent) => K | undefined) | undefined,
  into: MutableSweepInput<K>,
): number {
  // Already past `now`: a fresh collect would have stopped at that same event.
  if (into.times.length > 0 && (into.times[into.times.length - 1] as number) > now) return start
  for (let i = start; i < list.length; i++) {
    const candidate = list[i] as IndexedEvent
    if (!matchesWhere(candidate, where)) continue
    if (keyOf !== undefined) {
      const key = keyOf(candidate)
      if (key === undefined) continue
      into.keys.push(key)
    }
    const ms = candidate.ms
    into.times.push(ms)
    if (ms > now) return i + 1
  }
  return list.length
}
