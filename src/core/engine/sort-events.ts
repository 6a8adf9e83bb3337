import type { IndexedEvent } from './types'

// Bulk loads order up to millions of events by (time, id). A comparison sort over objects spent most of
// `evaluate` at 1M events, and a callback per comparison is slow at any size. So each event's time is read once,
// in order, into a typed array, and the order is found from that array alone: by the engine's own numeric sort
// of packed keys (time and position in one exact double) when they fit in 53 bits, else by a stable LSD radix
// sort. Only runs of equal times (rare) still compare ids. Input already in order (the usual case) costs one pass.

const BITS = 11
const RADIX = 1 << BITS
const MASK = RADIX - 1
const TWO_32 = 2 ** 32
const EXACT = 2 ** 53

/** Same order as `compareEvents`, for integer timestamps; returns `events` itself when it is already in order. */
export function sortEvents(events: IndexedEvent[]): IndexedEvent[] {
  const count = events.length
  const times = new Float64Array(count)
  let ordered = true
  let integral = true
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < count; i++) {
    const ms = (events[i] as IndexedEvent).ms
    times[i] = ms
    if (!Number.isInteger(ms)) integral = false
    if (ms < min) min = ms
    if (ms > max) max = ms
    if (ordered && i > 0) {
      const previous = times[i - 1] as number
      if (previous > ms || (previous === ms && compareEvents(events[i - 1] as IndexedEvent, events[i] as IndexedEvent) > 0)) ordered = false
    }
  }
  if (ordered) return events
  if (!integral || max - min > Number.MAX_SAFE_INTEGER) return events.sort(compareEvents)

  const positions = 2 ** Math.ceil(Math.log2(count))
  const order = (max - min + 1) * positions <= EXACT ? packedOrder(times, min, positions) : radixOrder(times, min)
  const sorted: IndexedEvent[] = new Array<IndexedEvent>(count)
  for (let i = 0; i < count; i++) sorted[i] = events[order[i] as number] as IndexedEvent
  // Equal timestamps keep input order so far; order each such run by id, as compareEvents does.
  for (let start = 0; start < count; ) {
    const ms = times[order[start] as number] as number
    let end = start + 1
    while (end < count && times[order[end] as number] === ms) end++
    if (end - start > 1) {
      const run = sorted.slice(start, end).sort(compareEvents)
      for (let i = 0; i < run.length; i++) sorted[start + i] = run[i] as IndexedEvent
    }
    start = end
  }
  return sorted
}

/**
 * Positions in time order (equal times in input order): each key is `(time − min) × positions + position`, an
 * integer below 2^53, so the typed array's own numeric sort orders them with no callback.
 */
function packedOrder(times: Float64Array, min: number, positions: number): Float64Array {
  const keys = new Float64Array(times.length)
  for (let i = 0; i < times.length; i++) keys[i] = ((times[i] as number) - min) * positions + i
  keys.sort()
  for (let i = 0; i < keys.length; i++) keys[i] = (keys[i] as number) % positions
  return keys
}

/**
 * Positions in time order (equal times in input order) by a stable LSD radix sort: keys relative to the earliest
 * event fit 53 bits, split into 32 low and up to 21 high bits. Each pass moves the keys with the positions, so
 * every pass reads its input in order (random reads were most of its time).
 */
function radixOrder(times: Float64Array, min: number): Uint32Array {
  const count = times.length
  let low = new Uint32Array(count)
  let high = new Uint32Array(count)
  let order = new Uint32Array(count)
  for (let i = 0; i < count; i++) {
    const key = (times[i] as number) - min
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
  return order
}

/** Total order on events: time, then id (ids are unique after dedupe), so float sums never depend on input order. */
export function compareEvents(a: IndexedEvent, b: IndexedEvent): number {
  if (a.ms !== b.ms) return a.ms - b.ms
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
