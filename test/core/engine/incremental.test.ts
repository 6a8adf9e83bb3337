import { describe, expect, it } from 'vitest'
import { createIncrementalEvaluator, evaluate, type CairnEvent, type Program, type Subject } from '../../../src/core'
import { at, DAY, event, events, HOUR, milestone, program, single, subject } from './fixtures'

const p = program(
  [
    milestone('tasks', { kind: 'count', event: 'task_added', atLeast: 3 }),
    milestone('projects', { kind: 'count', event: 'project_created', atLeast: 1 }),
    milestone('sprint', { kind: 'count', event: 'task_completed', atLeast: 2, within: { days: 2 } }),
    milestone('streak', { kind: 'streak', event: 'logged_in', period: 'day', atLeast: 3 }),
    milestone('weeks', { kind: 'streak', event: 'logged_in', period: 'week', atLeast: 3 }),
    milestone('refunds', { kind: 'sum', event: 'payment', property: 'amount', atLeast: 50, within: { days: 1 } }),
    milestone('setup', { kind: 'all', of: [{ kind: 'count', event: 'task_added', atLeast: 1 }, { kind: 'count', event: 'project_created', atLeast: 1 }] }, {
      deadline: { days: 4 },
    }),
  ],
  [
    { id: 'l1', title: 'L1', milestones: ['projects', 'setup'], unlocks: { badge: 'b1', features: ['f1'] } },
    { id: 'l2', title: 'L2', milestones: ['tasks'] },
  ],
  [{ id: 'b1', title: 'B1' }],
)

function expectAgreesWithEvaluate(program: Program, who: Subject, applied: CairnEvent[], nows: number[]) {
  const incremental = createIncrementalEvaluator(program, who)
  for (const item of applied) incremental.apply(item, at(0))
  for (const now of nows) {
    const iso = new Date(now).toISOString()
    expect(incremental.progress(iso), iso).toEqual(evaluate(program, applied, { now: iso, subject: who }))
  }
}

describe('incremental evaluator', () => {
  it('reports whether an event was new and which milestones changed', () => {
    const evaluator = createIncrementalEvaluator(p, subject())
    const first = event('task_added', at(1))
    const result = evaluator.apply(first, at(2))
    expect(result.applied).toBe(true)
    expect(result.changed.sort()).toEqual(['setup', 'tasks'])
    expect(result.progress.milestones.tasks).toMatchObject({ current: 1 })

    const again = evaluator.apply({ ...first }, at(2))
    expect(again).toMatchObject({ applied: false, changed: [] })
  })

  it('files events without evaluating and assesses them once, as apply would have', () => {
    const evaluator = createIncrementalEvaluator(p, subject())
    const list = events('task_added', [1, 2, 3])
    for (const item of list) expect(evaluator.add(item)).toBe(true)
    expect(evaluator.add({ ...list[0]! })).toBe(false)
    const assessed = evaluator.assess(at(4))
    expect(assessed.progress).toEqual(evaluate(p, list, { now: at(4), subject: subject() }))
    expect(assessed.nextChangeAt).toBe(evaluator.nextChangeAt(at(4)))
  })

  it('lists milestones that changed with time alone since the last result', () => {
    const evaluator = createIncrementalEvaluator(p, subject())
    evaluator.progress(at(1))
    const result = evaluator.apply(event('payment', at(4.5), { properties: { amount: 10 } }), at(4.5))
    expect(result.changed.sort()).toEqual(['refunds', 'setup'])
    expect(result.progress.milestones.setup?.state).toBe('missed')
  })

  it('applies someone else’s event without changing this subject’s progress', () => {
    const evaluator = createIncrementalEvaluator(p, subject())
    evaluator.progress(at(2))
    expect(evaluator.apply(event('task_added', at(1), { userId: 'stranger', accountId: 'elsewhere' }), at(2))).toMatchObject({ applied: true, changed: [] })
  })

  it('replaces a held event by an earlier copy of the same id, as evaluate does', () => {
    const evaluator = createIncrementalEvaluator(p, subject())
    evaluator.apply(event('task_added', at(3), { id: 'same' }), at(5))
    const earlier = event('project_created', at(1), { id: 'same' })
    const result = evaluator.apply(earlier, at(5))
    expect(result.applied).toBe(true)
    expect(result.progress.milestones.tasks?.current).toBe(0)
    expect(result.progress.milestones.projects?.current).toBe(1)
    expect(result.progress).toEqual(evaluate(p, [event('task_added', at(3), { id: 'same' }), earlier], { now: at(5), subject: subject() }))
  })

  it('starts from the events it is created with', () => {
    const initial = events('task_added', [1, 2, 3])
    const evaluator = createIncrementalEvaluator(p, subject(), initial)
    expect(evaluator.progress(at(4))).toEqual(evaluate(p, initial, { now: at(4), subject: subject() }))
  })

  it('agrees with evaluate as time moves windows, streaks, deadlines and future events', () => {
    const list = [
      ...events('task_completed', [1, 2.5, 6, 7.9]),
      ...events('logged_in', [0.1, 1.2, 2.3, 9, 16, 23]),
      event('payment', at(1), { properties: { amount: -30 } }),
      event('payment', at(1.5), { properties: { amount: 60 } }),
      ...events('task_added', [3, 12]),
      ...events('project_created', [5]),
    ]
    const nows = Array.from({ length: 30 * 8 }, (_, i) => Date.parse(at(0)) + i * 3 * HOUR)
    expectAgreesWithEvaluate(p, subject(), list, nows)
  })

  it('agrees with evaluate across a daylight-saving change in the subject’s zone', () => {
    const who = subject({ timeZone: 'America/New_York', signedUpAt: '2026-03-01T00:00:00Z' })
    const list = ['2026-03-06T15:00:00Z', '2026-03-07T15:00:00Z', '2026-03-08T15:00:00Z', '2026-03-09T04:30:00Z'].map((timestamp) =>
      event('logged_in', timestamp),
    )
    const start = Date.parse('2026-03-07T00:00:00Z')
    const nows = Array.from({ length: 6 * 24 * 2 }, (_, i) => start + i * 30 * 60 * 1000)
    expectAgreesWithEvaluate(p, who, list, nows)
  })

  it('agrees with evaluate when asked about an earlier moment after a later one', () => {
    const list = [...events('task_completed', [1, 1.5]), ...events('logged_in', [1, 2, 3])]
    expectAgreesWithEvaluate(p, subject(), list, [10 * DAY, 2 * DAY, 1.6 * DAY, 20 * DAY].map((offset) => Date.parse(at(0)) + offset))
  })

  it('counts a new event that is earlier than the last moment asked about, inside a window that has since moved on', () => {
    // Two login days within one day: the first at day 20 00:59, seen at day 21 01:00 (already out of the window),
    // then one at day 21 00:00 arrives — together they were 2 days inside the window at day 21 00:00.
    const twoDays = single({ kind: 'days', event: 'logged_in', atLeast: 2, within: { days: 1 } })
    const first = event('logged_in', at(20, 0.99), { id: 'first' })
    const second = event('logged_in', at(21), { id: 'second' })
    const evaluator = createIncrementalEvaluator(twoDays, subject())
    evaluator.apply(first, at(0))
    evaluator.progress(at(21, 1))
    const progress = evaluator.apply(second, at(21, 1)).progress
    expect(progress.milestones.m).toMatchObject({ state: 'achieved', achievedAt: at(21) })
    expect(progress).toEqual(evaluate(twoDays, [first, second], { now: at(21, 1), subject: subject() }))
  })
})

