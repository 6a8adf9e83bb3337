import { DAY_MS, type ZoneCalendar } from './types'

// Offsets change a few times a year. One lookup serves a whole UTC day when the offset is the same at both
// ends of it (no real zone changes and changes back within one day). A day with a change falls back to
// 15-minute slices: since ~1900 every change happens on a 15-minute boundary.
const DAY_SLICE_MS = DAY_MS
const FINE_SLICE_MS = 15 * 60 * 1000
// A formatter costs tens of microseconds to build; zones are few, but the names come from subjects, so cap it.
const MAX_CACHED_ZONES = 256
// Offsets are shared by every subject of a zone; cap the slices kept so a long-running server stays flat.
const MAX_CACHED_SLICES = 50_000
// 1970-01-01 was a Thursday: shifting by 3 days makes index 0 the week starting Monday 1969-12-29.
const THURSDAY_TO_MONDAY = 3
// Longest possible distance from any instant to the next week start, with room for offset changes.
const SEARCH_HORIZON_MS = 9 * DAY_MS

interface ZoneCache {
  readonly formatter: Intl.DateTimeFormat
  /** Offset per UTC day (null: it changes that day) and per 15-minute slice of such days. */
  readonly days: Map<number, number | null>
  readonly slices: Map<number, number | null>
}

/** Valid zones map to their cache; invalid names to null (they mean UTC). */
const zones = new Map<string, ZoneCache | null>()
let cachedSlices = 0

function zoneCache(timeZone: string | undefined): ZoneCache | null {
  if (timeZone === undefined || timeZone === '' || timeZone.toUpperCase() === 'UTC') return null
  const cached = zones.get(timeZone)
  if (cached !== undefined) return cached
  let cache: ZoneCache | null
  try {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    cache = { formatter, days: new Map(), slices: new Map() }
  } catch {
    cache = null
  }
  if (zones.size >= MAX_CACHED_ZONES) zones.clear()
  zones.set(timeZone, cache)
  return cache
}

/** Offset of local wall time from UTC at `ms`, in milliseconds (whole seconds, as Intl reports them). */
function offsetFromFormatter(formatter: Intl.DateTimeFormat, ms: number): number {
  const parts = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 }
  for (const part of formatter.formatToParts(ms)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value)
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
  return wall - (ms - mod(ms, 1000))
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor
}

/** The offset of slice `index` (of `length` ms) when it is the same throughout, else null; remembered. */
function sliceOffset(zone: ZoneCache, store: Map<number, number | null>, index: number, length: number): number | null {
  let offset = store.get(index)
  if (offset === undefined) {
    if (cachedSlices >= MAX_CACHED_SLICES) {
      for (const cache of zones.values()) {
        cache?.days.clear()
        cache?.slices.clear()
      }
      cachedSlices = 0
    }
    const first = offsetFromFormatter(zone.formatter, index * length)
    offset = first === offsetFromFormatter(zone.formatter, (index + 1) * length - 1) ? first : null
    store.set(index, offset)
    cachedSlices++
  }
  return offset
}

/** Calendar days and Monday-based weeks in an IANA time zone; an invalid or missing zone means UTC. */
export function createZoneCalendar(timeZone: string | undefined): ZoneCalendar {
  const zone = zoneCache(timeZone)

  const offsetAt = (ms: number): number => {
    if (zone === null) return 0
    const daily = sliceOffset(zone, zone.days, Math.floor(ms / DAY_SLICE_MS), DAY_SLICE_MS)
    if (daily !== null) return daily
    const fine = sliceOffset(zone, zone.slices, Math.floor(ms / FINE_SLICE_MS), FINE_SLICE_MS)
    return fine ?? offsetFromFormatter(zone.formatter, ms)
  }

  const dayIndex = (ms: number): number => Math.floor((ms + offsetAt(ms)) / DAY_MS)
  const weekIndex = (ms: number): number => Math.floor((dayIndex(ms) + THURSDAY_TO_MONDAY) / 7)
  const periodOf = (ms: number, period: 'day' | 'week'): number => (period === 'day' ? dayIndex(ms) : weekIndex(ms))

  const nextPeriodStart = (ms: number, period: 'day' | 'week'): number => {
    const current = periodOf(ms, period)
    // Usual case: local midnight of the next period exists; convert it with the offset found there.
    const nextFirstDay = period === 'day' ? current + 1 : (current + 1) * 7 - THURSDAY_TO_MONDAY
    const wallStart = nextFirstDay * DAY_MS
    const guess = wallStart - offsetAt(wallStart - offsetAt(ms))
    if (guess > ms && periodOf(guess, period) > current && periodOf(guess - 1, period) === current) return guess
    // Midnight skipped by a DST change (or an exotic offset): search the boundary; periods only move forward.
    let low = ms
    let high = ms + SEARCH_HORIZON_MS
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2)
      if (periodOf(mid, period) > current) high = mid
      else low = mid
    }
    return high
  }

  return { dayIndex, weekIndex, nextPeriodStart }
}
