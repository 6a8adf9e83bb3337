import type { EventIndex, IndexedEvent, Scope } from '../types'

/** Sorted event lists a time-based rule reads: one name, or every name of the scope ("any event"). */
export type EventLists = readonly (readonly IndexedEvent[])[]

/** The lists of `event` in the given scopes, or of every event name in them when `event` is undefined. */
export function listsFor(index: EventIndex, scopes: readonly Scope[], event: string | undefined): EventLists {
  const lists: (readonly IndexedEvent[])[] = []
  for (const scope of scopes) {
    if (event !== undefined) lists.push(index.lookup(scope, event))
    else for (const name of index.names(scope)) lists.push(index.lookup(scope, name))
  }
  return lists
}

/** Index of the first event strictly after `ms` (lists are sorted by time). */
function firstIndexAfter(list: readonly IndexedEvent[], ms: number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((list[mid] as IndexedEvent).ms <= ms) low = mid + 1
    else high = mid
  }
  return low
}

/** Time of the latest event at or before `ms`, if any. */
export function lastAtOrBefore(lists: EventLists, ms: number): number | undefined {
  let latest: number | undefined
  for (const list of lists) {
    const index = firstIndexAfter(list, ms) - 1
    if (index >= 0) latest = Math.max(latest ?? -Infinity, (list[index] as IndexedEvent).ms)
  }
  return latest
}

/** Time of the earliest event strictly after `ms`; Infinity when none. */
export function firstAfter(lists: EventLists, ms: number): number {
  let earliest = Infinity
  for (const list of lists) {
    const event = list[firstIndexAfter(list, ms)]
    if (event !== undefined) earliest = Math.min(earliest, event.ms)
  }
  return earliest
}

/** Number of events with a time in `(from, to]`. */
export function countIn(lists: EventLists, from: number, to: number): number {
  let count = 0
  for (const list of lists) count += Math.max(0, firstIndexAfter(list, to) - firstIndexAfter(list, from))
  return count
}

/** Times of the events in `(from, to]`, sorted. */
export function timesIn(lists: EventLists, from: number, to: number): number[] {
  const times: number[] = []
  for (const list of lists) {
    const end = firstIndexAfter(list, to)
    for (let i = firstIndexAfter(list, from); i < end; i++) times.push((list[i] as IndexedEvent).ms)
  }
  return times.sort((a, b) => a - b)
}

/**
 * Times of the events at or before `ms`, latest first, read lazily (a k-way merge walking back from `ms`), so a
 * caller that stops early pays for what it read, not for the whole history.
 */
export function* timesBackFrom(lists: EventLists, ms: number): Generator<number, void, undefined> {
  const positions = lists.map((list) => firstIndexAfter(list, ms) - 1)
  for (;;) {
    let best = -1
    let bestTime = -Infinity
    positions.forEach((position, i) => {
      if (position < 0) return
      const time = ((lists[i] as EventLists[number])[position] as IndexedEvent).ms
      if (best === -1 || time > bestTime) {
        best = i
        bestTime = time
      }
    })
    if (best === -1) return
    positions[best]!--
    yield bestTime
  }
}
