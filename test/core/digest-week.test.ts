import { digestWeekEnd } from '../../src/core'

describe('digestWeekEnd', () => {
  it('is the latest Monday 09:00 UTC at or before now without a time zone', () => {
    expect(digestWeekEnd('2026-03-11T12:00:00Z').toISOString()).toBe('2026-03-09T09:00:00.000Z') // Wednesday
    expect(digestWeekEnd('2026-03-09T09:00:00Z').toISOString()).toBe('2026-03-09T09:00:00.000Z') // on the dot
    expect(digestWeekEnd('2026-03-09T08:59:59Z').toISOString()).toBe('2026-03-02T09:00:00.000Z') // a second before
    expect(digestWeekEnd('2026-03-08T23:00:00Z').toISOString()).toBe('2026-03-02T09:00:00.000Z') // Sunday night
  })

  it('is Monday 09:00 on the subject’s own clock', () => {
    // 09:00 in Berlin (UTC+1 in March before DST) is 08:00 UTC; in New York (UTC−4 after 8 March) it is 13:00 UTC.
    expect(digestWeekEnd('2026-03-09T08:30:00Z', 'Europe/Berlin').toISOString()).toBe('2026-03-09T08:00:00.000Z')
    expect(digestWeekEnd('2026-03-09T12:59:00Z', 'America/New_York').toISOString()).toBe('2026-03-02T14:00:00.000Z')
    expect(digestWeekEnd('2026-03-09T13:00:00Z', 'America/New_York').toISOString()).toBe('2026-03-09T13:00:00.000Z')
  })

  it('falls back to UTC for an unknown zone', () => {
    expect(digestWeekEnd('2026-03-11T12:00:00Z', 'Mars/Olympus').toISOString()).toBe('2026-03-09T09:00:00.000Z')
  })
})
