import type { IndexedEvent } from './types'

// Bulk loads order up to millions of events by (time, id). A comparison sort over objects spent most of
// `evaluate` at 1M events; a stable LSD radix sort on the integer timestamp is linear, and only runs of equal
// timestamps (rare) still need the id comparison. Input already in order (the usual case) costs one pass.

const BITS = 11
const RADIX = 1 << BITS
const MASK = RADIX - 1
const TWO_32 = 2 ** 32

/** Same order as `compareEvents`, for integer timestamps; returns `events` itself when it is already in order. */
export function sortEvents(events: IndexedEvent[]): IndexedEvent[] {
  const count = events.length
  let ordered = true
  let integral = true
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < count; i++) {
    const ms = (events[i] as IndexedEvent).ms
    if (!Number.isInteger(ms)) integral = false
    if (ms < min) min = ms
    if (ms > max) max = ms
    if (i > 0 && compareEvents(events[i - 1] as IndexedEvent, events[i] as IndexedEvent) > 0) ordered = false
  }
  if (ordered) return events
  // Below a few thousand events the radix passes' fixed cost (2,048 counters, five passes) outweighs n log n.
  if (!integral || count < 4096 || max - min > Number.MAX_SAFE_INTEGER) return events.sort(compareEvents)

  // Keys relative to the earliest event fit 53 bits; split into 32 low and up to 21 high bits. Each pass moves
  // the keys with the indices, so every pass reads its input in order (random reads were most of its time).
  let low = new Uint32Array(count)
  let high = new Uint32Array(count)
  let order = new Uint32Array(count)
  for (let i = 0; i < count; i++) {
    const key = (events[i] as IndexedEvent).ms - min
    low[i] = key % TWO_32
    high[i] = Math.floor(key / TWO_32)
    order[i] = i
  }
  let lowOut = new Uint32Array(count)
  let highOut = new Uint32Array(count)
  let orderOut = new Uint32Array(count)
  const counts = new Uint32Array(RADIX)
  for (let pass = 0; pass < 5; pass++) {
    const fromHigh = pass >= 3
    const shift = (pass % 3) * BITS
    const digits = fromHigh ? high : low
    counts.fill(0)
    let any = false
    for (let i = 0; i < count; i++) {
      const digit = ((digits[i] as number) >>> shift) & MASK
      counts[digit]!++
      if (digit !== 0) any = true
    }
    if (!any) continue // every key has 0 here (e.g. no high bits within 49 days): this pass would not move anything
    let total = 0
    for (let d = 0; d < RADIX; d++) {
      const c = counts[d] as number
      counts[d] = total
      total += c
    }
    for (let i = 0; i < count; i++) {
      const to = counts[((digits[i] as number) >>> shift) & MASK]!++
      lowOut[to] = low[i] as number
      highOut[to] = high[i] as number
      orderOut[to] = order[i] as number
    }
    ;[low, lowOut] = [lowOut, low]
    ;[high, highOut] = [highOut, high]
    ;[order, orderOut] = [orderOut, order]
  }

  const sorted: IndexedEvent[] = new Array<IndexedEvent>(count)
  for (let i = 0; i < count; i++) sorted[i] = events[order[i] as number] as IndexedEvent
  // Equal timestamps keep input order so far; order each such run by id, as compareEvents does.
  for (let start = 0; start < count; ) {
    let end = start + 1
    while (end < count && (sorted[end] as IndexedEvent).ms === (sorted[start] as IndexedEvent).ms) end++
    if (end - start > 1) {
      const run = sorted.slice(start, end).sort(compareEvents)
      for (let i = 0; i < run.length; i++) sorted[start + i] = run[i] as IndexedEvent
    }
    start = end
  }
  return sorted
}

/** Total order on events: time, then id (ids are unique after dedupe), so float sums never depend on input order. */
export function compareEvents(a: IndexedEvent, b: IndexedEvent): number {
  if (a.ms !== b.ms) return a.ms - b.ms
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
