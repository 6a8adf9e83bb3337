import { createZoneCalendar } from '../engine/time-zone'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS
/** Digests go out Monday 09:00 in the subject's time zone (DESIGN §7.3): the start of a working week, not midnight. */
const SEND_HOUR = 9

/**
 * The most recent Monday 09:00 at or before `now` in `timeZone` (UTC when missing or invalid): the end of the week a
 * weekly digest reports on, and the moment it is due. (Clocks change on weekends, never between Monday 00:00 and
 * 09:00, so 09:00 is local midnight plus nine hours.)
 */
export function digestWeekEnd(now: Date | string, timeZone?: string): Date {
  const calendar = createZoneCalendar(timeZone)
  /** The local Monday 00:00 starting the week that holds `ms`. */
  const weekStart = (ms: number): number => {
    let start = calendar.nextPeriodStart(ms - 8 * DAY_MS, 'week')
    for (let next = calendar.nextPeriodStart(start, 'week'); next <= ms; next = calendar.nextPeriodStart(start, 'week')) start = next
    return start
  }
  const nowMs = new Date(now).getTime()
  const thisWeek = weekStart(nowMs)
  const due = thisWeek + SEND_HOUR * HOUR_MS
  return new Date(due <= nowMs ? due : weekStart(thisWeek - 1) + SEND_HOUR * HOUR_MS)
}
