import type { Tally } from '../sliding-window'

// Sums of fractional amounts drift in the last bits as values enter and leave the window; rounding to
// nine decimals keeps `current` clean and lets 0.1 + 0.2 reach a target of 0.3.
const SUM_PRECISION = 1e9

/** Number of events in the window. */
export function countTally(start = 0): Tally<unknown> {
  let count = start
  return {
    add: () => void count++,
    remove: () => void count--,
    value: () => count,
    clone: () => countTally(count),
  }
}

/** Sum of a numeric property over the window. */
export function sumTally(start = 0): Tally<number> {
  let total = start
  return {
    add: (amount) => void (total += amount),
    remove: (amount) => void (total -= amount),
    value: () => Math.round(total * SUM_PRECISION) / SUM_PRECISION,
    clone: () => sumTally(total),
  }
}

/** Number of distinct keys in the window; keeps a count per key so a key leaves only with its last event. */
export function distinctTally<K>(start?: ReadonlyMap<K, number>): Tally<K> {
  const counts = new Map<K, number>(start)
  return {
    add: (key) => void counts.set(key, (counts.get(key) ?? 0) + 1),
    remove: (key) => {
      const left = (counts.get(key) ?? 0) - 1
      if (left > 0) counts.set(key, left)
      else counts.delete(key)
    },
    value: () => counts.size,
    clone: () => distinctTally(counts),
  }
}
