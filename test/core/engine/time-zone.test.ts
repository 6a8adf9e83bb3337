// The calendar helper is internal; these pin the boundaries the incremental evaluator relies on.
import { describe, expect, it } from 'vitest'
import { createZoneCalendar } from '../../../src/core/engine/time-zone'

const ms = (iso: string) => Date.parse(iso)

describe('zone calendar', () => {
  it('finds the next local midnight across a daylight-saving change', () => {
    const newYork = createZoneCalendar('America/New_York')
    expect(new Date(newYork.nextPeriodStart(ms('2026-03-08T12:00:00Z'), 'day')).toISOString()).toBe('2026-03-09T04:00:00.000Z')
    expect(new Date(newYork.nextPeriodStart(ms('2026-03-07T12:00:00Z'), 'day')).toISOString()).toBe('2026-03-08T05:00:00.000Z')
  })

  it('finds the start of a day whose midnight is skipped', () => {
    // Santiago jumps from 00:00 to 01:00 on 2026-09-06: that day starts at 01:00 local, 04:00 UTC.
    const santiago = createZoneCalendar('America/Santiago')
    expect(new Date(santiago.nextPeriodStart(ms('2026-09-05T15:00:00Z'), 'day')).toISOString()).toBe('2026-09-06T04:00:00.000Z')
  })

  it('starts weeks on Monday in the zone', () => {
    const tokyo = createZoneCalendar('Asia/Tokyo')
    // Sunday 2026-03-08 20:00 UTC is Monday 05:00 in Tokyo, so the next week starts the Monday after.
    expect(new Date(tokyo.nextPeriodStart(ms('2026-03-08T20:00:00Z'), 'week')).toISOString()).toBe('2026-03-15T15:00:00.000Z')
    expect(tokyo.weekIndex(ms('2026-03-08T14:59:59Z'))).toBe(tokyo.weekIndex(ms('2026-03-02T00:00:00Z')))
  })

  it('uses UTC for a missing or unknown zone', () => {
    for (const zone of [undefined, 'Nowhere/Special']) {
      const calendar = createZoneCalendar(zone)
      expect(calendar.dayIndex(ms('1970-01-02T00:00:00Z'))).toBe(1)
      expect(calendar.dayIndex(ms('1970-01-01T23:59:59Z'))).toBe(0)
    }
  })
})
