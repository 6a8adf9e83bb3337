import { DAY_MS, type ZoneCalendar } from './types'

// Offsets of real zones change only at instants that are whole multiples of 15 minutes (since ~1900), so one
// offset lookup serves every event of a 15-minute slice; slices that contain a change are computed per event.
const OFFSET_SLICE_MS = 15 * 60 * 1000
// A formatter costs tens of microseconds to build; zones are few, but the names come from subjects, so cap it.
const MAX_CACHED_ZONES = 256
// 1970-01-01 was a Thursday: shifting by 3 days makes index 0 the week starting Monday 1969-12-29.
const THURSDAY_TO_MONDAY = 3
// Longest possible distance from any instant to the next week start, with room for offset changes.
const SEARCH_HORIZON_MS = 9 * DAY_MS

const formatters = new Map<string, Intl.DateTimeFormat | null>()

/** A cached formatter for the zone, or null when the zone is UTC or not a valid IANA name (both mean UTC). */
function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat | null {
  if (timeZone === undefined || timeZone === '' || timeZone.toUpperCase() === 'UTC') return null
  const cached = formatters.get(timeZone)
  if (cached !== undefined) return cached
  let formatter: Intl.DateTimeFormat | null
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
  } catch {
    formatter = null
  }
  if (formatters.size >= MAX_CACHED_ZONES) formatters.clear()
  formatters.set(timeZone, formatter)
  return formatter
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

/**
 * Calendar days and Monday-based weeks in an IANA time zone; an invalid or missing zone means UTC.
 * Each calendar keeps its own offset cache, so its memory lives exactly as long as the evaluation using it.
 */
export function createZoneCalendar(timeZone: string | undefined): ZoneCalendar {
  const formatter = formatterFor(timeZone)
  const sliceOffsets = new Map<number, number | null>()

  const offsetAt = (ms: number): number => {
    if (formatter === null) return 0
    const slice = Math.floor(ms / OFFSET_SLICE_MS)
    let offset = sliceOffsets.get(slice)
    if (offset === undefined) {
      const start = offsetFromFormatter(formatter, slice * OFFSET_SLICE_MS)
      const end = offsetFromFormatter(formatter, (slice + 1) * OFFSET_SLICE_MS - 1)
      offset = start === end ? start : null
      sliceOffsets.set(slice, offset)
    }
    return offset ?? offsetFromFormatter(formatter, ms)
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
