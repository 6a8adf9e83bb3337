import { describe, expect, it } from 'vitest'
import { evaluate, type CairnEvent, type Criterion, type Subject } from '../../../src/core'
import { at, event, events, single, subject } from './fixtures'

const threeTasks: Criterion = { kind: 'count', event: 'task_added', atLeast: 3 }

function progressOf(list: CairnEvent[], options: { now?: string; who?: Subject; unit?: 'user' | 'account'; criterion?: Criterion } = {}) {
  const program = single(options.criterion ?? threeTasks, options.unit === undefined ? {} : { unit: options.unit })
  return evaluate(program, list, { now: options.now ?? at(30), subject: options.who ?? subject() })
}

describe('event handling', () => {
  it('counts a duplicated event id once', () => {
    const once = event('task_added', at(1))
    expect(progressOf([once, once, { ...once }, ...events('task_added', [2])]).milestones.m?.current).toBe(2)
  })

  it('keeps the earliest copy when an id is reused with a different timestamp', () => {
    const list = [
      event('task_added', at(5), { id: 'same' }),
      event('task_added', at(2), { id: 'same' }),
      ...events('task_added', [1, 3]),
    ]
    expect(progressOf(list).milestones.m).toMatchObject({ current: 3, achievedAt: at(3) })
  })

  it('keeps the earliest copy even when it has another name', () => {
    const list = [event('task_added', at(2), { id: 'same' }), event('project_created', at(1), { id: 'same' })]
    expect(progressOf(list).milestones.m?.current).toBe(0)
  })

  it('settles copies of one id with equal timestamps the same way whatever their order', () => {
    const task = event('task_added', at(2), { id: 'same' })
    const project = event('project_created', at(2), { id: 'same' })
    const criterion: Criterion = { kind: 'any', of: [threeTasks, { kind: 'count', event: 'project_created', atLeast: 1 }] }
    expect(progressOf([task, project], { criterion })).toEqual(progressOf([project, task], { criterion }))
  })

  it('gives the same progress whatever order the events arrive in', () => {
    const list = [...events('task_added', [4, 1, 3, 2]), ...events('task_completed', [2, 1])]
    const forward = progressOf(list)
    expect(progressOf([...list].reverse())).toEqual(forward)
    expect(forward.milestones.m?.achievedAt).toBe(at(3))
  })

  it('ignores events after now', () => {
    const list = events('task_added', [1, 2, 3])
    expect(progressOf(list, { now: at(2.5) }).milestones.m).toMatchObject({ current: 2, state: 'in_progress' })
    expect(progressOf(list, { now: at(3) }).milestones.m).toMatchObject({ current: 3, state: 'achieved', achievedAt: at(3) })
  })

  it('ignores other users’ events for a user milestone', () => {
    const list = [...events('task_added', [1, 2]), ...events('task_added', [1, 2, 3], { userId: 'u2' })]
    expect(progressOf(list).milestones.m?.current).toBe(2)
  })

  it('counts every user of the subject’s account for an account milestone', () => {
    const list = [
      ...events('task_added', [1], { userId: 'u1' }),
      ...events('task_added', [2], { userId: 'u2' }),
      ...events('task_added', [3], { userId: 'u3', accountId: 'other-co' }),
      ...events('task_added', [4], { userId: 'u4', accountId: undefined }),
    ]
    expect(progressOf(list, { unit: 'account' }).milestones.m?.current).toBe(2)
  })

  it('counts 3 active teammates as distinct users of the account', () => {
    const criterion: Criterion = { kind: 'distinct', event: 'logged_in', property: 'userId', atLeast: 3 }
    const list = ['u1', 'u2', 'u2', 'u3'].map((userId, day) => event('logged_in', at(day + 1), { userId }))
    expect(progressOf(list, { unit: 'account', criterion }).milestones.m).toMatchObject({ state: 'achieved', current: 3, achievedAt: at(4) })
  })

  it('falls back to the user’s own events for an account milestone when the subject has no account', () => {
    const list = [...events('task_added', [1], { accountId: undefined }), ...events('task_added', [2], { userId: 'u2', accountId: undefined })]
    const who = subject({ accountId: undefined })
    expect(progressOf(list, { unit: 'account', who }).milestones.m?.current).toBe(1)
  })

  it('skips an event whose timestamp cannot be read', () => {
    expect(progressOf([event('task_added', 'not a time'), ...events('task_added', [1])]).milestones.m?.current).toBe(1)
  })

  it('accepts now as a Date and reports evaluatedAt as ISO', () => {
    const progress = evaluate(single(threeTasks), [], { now: new Date(at(3)), subject: subject() })
    expect(progress).toMatchObject({ evaluatedAt: at(3), programId: 'test-program', programVersion: '7' })
  })

  it('rejects a now that is not a time', () => {
    expect(() => evaluate(single(threeTasks), [], { now: 'yesterday-ish', subject: subject() })).toThrow(RangeError)
  })
})
