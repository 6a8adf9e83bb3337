import { describe, expect, it } from 'vitest'
import { evaluate, type CairnEvent, type Criterion } from '../../../src/core'
import { event, single, subject } from './fixtures'

const dailyStreak = (atLeast: number): Criterion => ({ kind: 'streak', event: 'checked_in', period: 'day', atLeast })
const weeklyStreak = (atLeast: number): Criterion => ({ kind: 'streak', event: 'checked_in', period: 'week', atLeast })
const checkIns = (...timestamps: string[]) => timestamps.map((timestamp) => event('checked_in', timestamp))

function streak(criterion: Criterion, list: CairnEvent[], now: string, timeZone?: string) {
  return evaluate(single(criterion), list, { now, subject: subject(timeZone === undefined ? {} : { timeZone }) }).milestones.m
}

describe('daily streaks', () => {
  it('is achieved by the event that completes the run', () => {
    const list = checkIns('2026-03-03T10:00:00Z', '2026-03-04T12:00:00Z', '2026-03-04T08:00:00Z', '2026-03-05T09:00:00Z')
    expect(streak(dailyStreak(2), list, '2026-03-10T00:00:00Z')).toMatchObject({ state: 'achieved', achievedAt: '2026-03-04T08:00:00.000Z' })
  })

  it('starts over after a missed day', () => {
    const list = checkIns('2026-03-03T10:00:00Z', '2026-03-04T10:00:00Z', '2026-03-06T10:00:00Z', '2026-03-07T10:00:00Z')
    expect(streak(dailyStreak(3), list, '2026-03-07T12:00:00Z')).toMatchObject({ state: 'in_progress', current: 2, target: 3 })
  })

  it('counts the run ending today or yesterday as current, and nothing older', () => {
    const list = checkIns('2026-03-03T10:00:00Z', '2026-03-04T10:00:00Z', '2026-03-05T10:00:00Z')
    expect(streak(dailyStreak(7), list, '2026-03-05T23:00:00Z')?.current).toBe(3)
    expect(streak(dailyStreak(7), list, '2026-03-06T23:00:00Z')?.current).toBe(3)
    expect(streak(dailyStreak(7), list, '2026-03-07T00:00:00Z')).toMatchObject({ current: 0, state: 'available' })
  })

  it('uses the calendar days of the subject’s time zone', () => {
    // 06:00 UTC on the 5th is still the evening of the 4th in Los Angeles.
    const list = checkIns('2026-01-05T06:00:00Z', '2026-01-05T20:00:00Z')
    expect(streak(dailyStreak(2), list, '2026-01-06T00:00:00Z', 'America/Los_Angeles')?.state).toBe('achieved')
    expect(streak(dailyStreak(2), list, '2026-01-06T00:00:00Z')?.state).toBe('in_progress')
  })

  it('follows a daylight-saving change instead of a fixed offset', () => {
    // New York moves to UTC−4 on 2026-03-08; 04:30 UTC on the 9th is 00:30 on the 9th there (23:30 on the 8th at UTC−5).
    const list = checkIns('2026-03-08T16:00:00Z', '2026-03-09T04:30:00Z')
    expect(streak(dailyStreak(2), list, '2026-03-10T00:00:00Z', 'America/New_York')).toMatchObject({
      state: 'achieved',
      achievedAt: '2026-03-09T04:30:00.000Z',
    })
  })

  it('falls back to UTC for an unknown time zone', () => {
    const list = checkIns('2026-01-05T06:00:00Z', '2026-01-05T20:00:00Z')
    expect(streak(dailyStreak(2), list, '2026-01-06T00:00:00Z', 'Mars/Olympus_Mons')).toMatchObject({ state: 'in_progress', current: 1 })
  })
})

describe('weekly streaks', () => {
  it('counts ISO weeks starting on Monday, across a year boundary', () => {
    // Wednesday 2026-12-23 and Friday 2027-01-01 fall in consecutive Monday-based weeks.
    const list = checkIns('2026-12-23T12:00:00Z', '2027-01-01T12:00:00Z')
    expect(streak(weeklyStreak(2), list, '2027-01-02T00:00:00Z')?.state).toBe('achieved')
  })

  it('treats Sunday and the following Monday as different weeks, but Monday and Sunday of one week as the same', () => {
    const sameWeek = checkIns('2026-03-02T12:00:00Z', '2026-03-08T12:00:00Z')
    expect(streak(weeklyStreak(2), sameWeek, '2026-03-09T00:00:00Z')).toMatchObject({ state: 'in_progress', current: 1 })
    const twoWeeks = checkIns('2026-03-08T12:00:00Z', '2026-03-09T12:00:00Z')
    expect(streak(weeklyStreak(2), twoWeeks, '2026-03-10T00:00:00Z')?.state).toBe('achieved')
  })

  it('places weeks in the subject’s zone across the daylight-saving change', () => {
    // Sunday 2026-03-08 21:00 in New York (after the change) is already Monday in UTC.
    const list = checkIns('2026-03-02T15:00:00Z', '2026-03-09T01:00:00Z')
    expect(streak(weeklyStreak(2), list, '2026-03-09T02:00:00Z', 'America/New_York')).toMatchObject({ state: 'in_progress', current: 1 })
    expect(streak(weeklyStreak(2), list, '2026-03-09T02:00:00Z')?.state).toBe('achieved')
  })

  it('keeps last week’s run as current during this week', () => {
    const list = checkIns('2026-03-02T12:00:00Z', '2026-03-09T12:00:00Z')
    expect(streak(weeklyStreak(4), list, '2026-03-22T23:00:00Z')?.current).toBe(2)
    expect(streak(weeklyStreak(4), list, '2026-03-23T00:00:00Z')?.current).toBe(0)
  })
})

describe('days in a time zone', () => {
  it('counts the subject’s local calendar days', () => {
    // 23:00 and 01:00 UTC are two UTC days but one day in Tokyo (08:00 and 10:00 the next morning).
    const list = [event('logged_in', '2026-03-03T23:00:00Z'), event('logged_in', '2026-03-04T01:00:00Z')]
    const criterion: Criterion = { kind: 'days', event: 'logged_in', atLeast: 7 }
    expect(evaluate(single(criterion), list, { now: '2026-03-05T00:00:00Z', subject: subject({ timeZone: 'Asia/Tokyo' }) }).milestones.m?.current).toBe(1)
    expect(evaluate(single(criterion), list, { now: '2026-03-05T00:00:00Z', subject: subject() }).milestones.m?.current).toBe(2)
  })
})
