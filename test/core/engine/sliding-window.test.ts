import { describe, expect, it } from 'vitest'
import { evaluate, type CairnEvent, type Criterion } from '../../../src/core'
import { at, event, events, single, subject } from './fixtures'

function windowed(criterion: Criterion, list: CairnEvent[], now: string) {
  return evaluate(single(criterion), list, { now, subject: subject() }).milestones.m
}
const sprint: Criterion = { kind: 'count', event: 'task_completed', atLeast: 3, within: { days: 7 } }

describe('sliding windows', () => {
  it('is achieved the first moment the window holds enough (3 tasks within 7 days)', () => {
    // Days 0 and 5 are too far from day 12; days 5, 8 and 11.9 fit in one 7-day window.
    const result = windowed(sprint, events('task_completed', [0, 5, 8, 11.9, 12]), at(30))
    expect(result).toMatchObject({ state: 'achieved', achievedAt: at(11.9) })
  })

  it('is not achieved when the events are spread wider than the window', () => {
    const result = windowed(sprint, events('task_completed', [0, 6, 12, 18]), at(18.5))
    expect(result).toMatchObject({ state: 'in_progress', current: 2 })
  })

  it('excludes an event exactly one window length old: the window is (t − days×24h, t]', () => {
    expect(windowed(sprint, events('task_completed', [0, 3, 7]), at(10))?.state).toBe('in_progress')
    expect(windowed(sprint, events('task_completed', [0, 3, 6.99]), at(10))?.state).toBe('achieved')
  })

  it('reports current as the value in the window ending now', () => {
    const list = events('task_completed', [1, 2, 3, 4, 20])
    expect(windowed(sprint, list, at(3.5))).toMatchObject({ current: 3 })
    expect(windowed(sprint, list, at(21))).toMatchObject({ current: 1, state: 'achieved', achievedAt: at(3) })
  })

  it('does not cap current at the target', () => {
    expect(windowed(sprint, events('task_completed', [1, 2, 3, 4, 5]), at(6))).toMatchObject({ current: 5, target: 3 })
  })

  it('keeps a window empty once its events are older than the window', () => {
    expect(windowed(sprint, events('task_completed', [1, 2]), at(40))).toMatchObject({ current: 0, state: 'available' })
  })

  it('counts distinct values inside the window only, keeping a value while any of its events remains', () => {
    const used = [
      ['boards', 0],
      ['calendar', 1],
      ['boards', 6],
      ['gantt', 7.5],
    ].map(([feature, day]) => event('feature_used', at(day as number), { properties: { feature: feature as string } }))
    const criterion: Criterion = { kind: 'distinct', event: 'feature_used', property: 'feature', atLeast: 3, within: { days: 7 } }
    // At 7.5 the window (0.5, 7.5] holds calendar, boards (day 6) and gantt; at 8 calendar has left.
    expect(windowed(criterion, used, at(8))).toMatchObject({ state: 'achieved', achievedAt: at(7.5), current: 2 })
  })

  it('counts distinct days of the events inside the window', () => {
    const criterion: Criterion = { kind: 'days', event: 'logged_in', atLeast: 3, within: { days: 3 } }
    const list = events('logged_in', [0, 0.1, 1, 5, 6])
    expect(windowed(criterion, list, at(6.1))).toMatchObject({ state: 'in_progress', current: 2 })
    expect(windowed(criterion, [...list, event('logged_in', at(7))], at(7.1))).toMatchObject({ state: 'achieved', achievedAt: at(7) })
  })

  it('can be achieved when a negative amount leaves a windowed sum', () => {
    const payments = [
      event('payment', at(0), { properties: { amount: -50 } }),
      event('payment', at(1), { properties: { amount: 80 } }),
    ]
    const criterion: Criterion = { kind: 'sum', event: 'payment', property: 'amount', atLeast: 60, within: { days: 2 } }
    // The refund leaves the window at day 2, when the sum becomes 80.
    expect(windowed(criterion, payments, at(2.5))).toMatchObject({ state: 'achieved', achievedAt: at(2), current: 80 })
  })

  it('stays achieved after the window empties, with the first achievedAt', () => {
    const list = events('task_completed', [1, 2, 3, 10, 11, 12])
    expect(windowed(sprint, list, at(60))).toMatchObject({ state: 'achieved', achievedAt: at(3), current: 0 })
  })
})
