import { describe, expect, it } from 'vitest'
import { evaluate } from '../../../src/core'
import { at, event, events, single, subject } from './fixtures'

const now = at(30)
const run = (...args: [Parameters<typeof single>[0], ReturnType<typeof event>[]]) =>
  evaluate(single(args[0]), args[1], { now, subject: subject() }).milestones.m

describe('count', () => {
  it('reports events counted so far against the threshold', () => {
    expect(run({ kind: 'count', event: 'task_added', atLeast: 5 }, events('task_added', [1, 2]))).toMatchObject({
      state: 'in_progress',
      current: 2,
      target: 5,
    })
  })

  it('is achieved at the timestamp of the event that reaches the threshold', () => {
    const result = run({ kind: 'count', event: 'task_added', atLeast: 2 }, events('task_added', [3, 1, 2]))
    expect(result).toMatchObject({ state: 'achieved', current: 3, achievedAt: at(2) })
  })

  it('ignores events of other names', () => {
    expect(run({ kind: 'count', event: 'task_added', atLeast: 1 }, events('task_completed', [1]))).toMatchObject({
      state: 'available',
      current: 0,
    })
  })
})

describe('sum', () => {
  it('adds a numeric property and skips events where it is missing or not a number', () => {
    const spent = [
      event('purchase', at(1), { properties: { amount: 40 } }),
      event('purchase', at(2), { properties: { amount: '50' } }),
      event('purchase', at(3)),
      event('purchase', at(4), { properties: { amount: 70 } }),
    ]
    expect(run({ kind: 'sum', event: 'purchase', property: 'amount', atLeast: 100 }, spent)).toMatchObject({
      state: 'achieved',
      current: 110,
      target: 100,
      achievedAt: at(4),
    })
  })

  it('reaches a fractional target despite floating-point rounding', () => {
    const spent = [0.1, 0.2].map((amount, i) => event('purchase', at(i + 1), { properties: { amount } }))
    expect(run({ kind: 'sum', event: 'purchase', property: 'amount', atLeast: 0.3 }, spent)).toMatchObject({ state: 'achieved', current: 0.3 })
  })
})

describe('distinct', () => {
  it('counts different values of a property once each', () => {
    const used = ['boards', 'calendar', 'boards', 'gantt'].map((feature, i) => event('feature_used', at(i + 1), { properties: { feature } }))
    expect(run({ kind: 'distinct', event: 'feature_used', property: 'feature', atLeast: 3 }, used)).toMatchObject({
      state: 'achieved',
      current: 3,
      achievedAt: at(4),
    })
  })

  it('reads userId from the top-level field of the event', () => {
    const logins = ['u1', 'u2', 'u2'].map((userId, i) => event('logged_in', at(i + 1), { userId }))
    const result = evaluate(single({ kind: 'distinct', event: 'logged_in', property: 'userId', atLeast: 3 }, { unit: 'account' }), logins, {
      now,
      subject: subject(),
    }).milestones.m
    expect(result).toMatchObject({ current: 2, state: 'in_progress' })
  })

  it('treats the number 1 and the string "1" as different values', () => {
    const used = [event('pick', at(1), { properties: { choice: 1 } }), event('pick', at(2), { properties: { choice: '1' } })]
    expect(run({ kind: 'distinct', event: 'pick', property: 'choice', atLeast: 2 }, used)?.current).toBe(2)
  })
})

describe('days', () => {
  it('counts distinct UTC calendar days when the subject has no time zone', () => {
    const logins = [at(1), at(1, 2), at(2), at(4)].map((timestamp) => event('logged_in', timestamp))
    expect(run({ kind: 'days', event: 'logged_in', atLeast: 7 }, logins)).toMatchObject({ current: 3, target: 7, state: 'in_progress' })
  })
})

describe('where filters', () => {
  const connected = (integration: string | number, day: number) => event('integration_connected', at(day), { properties: { integration } })

  it('matches scalar values exactly', () => {
    const criterion = { kind: 'count', event: 'integration_connected', where: { integration: 'slack' }, atLeast: 1 } as const
    expect(run(criterion, [connected('github', 1)])?.current).toBe(0)
    expect(run(criterion, [connected('slack', 1)])?.current).toBe(1)
  })

  it('matches numeric ranges with gte and lte, inclusive', () => {
    const sized = [1, 5, 10, 11].map((size, i) => event('upload', at(i + 1), { properties: { size } }))
    expect(run({ kind: 'count', event: 'upload', where: { size: { gte: 5, lte: 10 } }, atLeast: 9 }, sized)?.current).toBe(2)
  })

  it('matches any listed value with in', () => {
    const list = ['slack', 'github', 'jira'].map((name, i) => connected(name, i + 1))
    expect(run({ kind: 'count', event: 'integration_connected', where: { integration: { in: ['slack', 'jira'] } }, atLeast: 9 }, list)?.current).toBe(2)
  })

  it('never matches an event that lacks the property, whatever the condition', () => {
    const bare = [event('upload', at(1)), event('upload', at(2), { properties: {} })]
    expect(run({ kind: 'count', event: 'upload', where: { size: { gte: 0 } }, atLeast: 1 }, bare)?.current).toBe(0)
    expect(run({ kind: 'count', event: 'upload', where: { size: {} }, atLeast: 1 }, bare)?.current).toBe(0)
  })

  it('does not mistake inherited object members for properties', () => {
    const plain = [event('upload', at(1), { properties: { size: 1 } })]
    expect(run({ kind: 'count', event: 'upload', where: { constructor: { in: ['Object'] } }, atLeast: 1 }, plain)?.current).toBe(0)
  })

  it('does not compare numbers with strings for ranges', () => {
    const textual = [event('upload', at(1), { properties: { size: '7' } })]
    expect(run({ kind: 'count', event: 'upload', where: { size: { gte: 5 } }, atLeast: 1 }, textual)?.current).toBe(0)
  })

  it('reads userId and accountId in where from the top-level fields', () => {
    const list = [event('logged_in', at(1), { userId: 'u2' }), event('logged_in', at(2), { userId: 'u3', properties: { userId: 'u2' } })]
    const result = evaluate(single({ kind: 'count', event: 'logged_in', where: { userId: 'u2', accountId: 'acme' }, atLeast: 1 }, { unit: 'account' }), list, {
      now,
      subject: subject(),
    })
    expect(result.milestones.m?.current).toBe(1)
  })

  it('applies to streaks too', () => {
    const list = [event('check', at(1), { properties: { ok: true } }), event('check', at(2), { properties: { ok: false } })]
    expect(run({ kind: 'streak', event: 'check', period: 'day', where: { ok: true }, atLeast: 2 }, list)?.state).not.toBe('achieved')
  })
})
