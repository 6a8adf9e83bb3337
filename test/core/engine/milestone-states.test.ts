import { describe, expect, it } from 'vitest'
import { evaluate, type Criterion } from '../../../src/core'
import { at, event, events, milestone, program, single, subject } from './fixtures'

const one = (name: string): Criterion => ({ kind: 'count', event: name, atLeast: 1 })
const three = (name: string): Criterion => ({ kind: 'count', event: name, atLeast: 3 })

describe('milestone states', () => {
  it('is available before any progress and in progress once current is above zero', () => {
    expect(evaluate(single(three('task_added')), [], { now: at(1), subject: subject() }).milestones.m?.state).toBe('available')
    expect(evaluate(single(three('task_added')), events('task_added', [0.5]), { now: at(1), subject: subject() }).milestones.m?.state).toBe('in_progress')
  })

  it('shows a milestone of a locked level as locked but still counts its events', () => {
    const p = program([milestone('first', one('project_created')), milestone('later', three('task_added'))], [
      { id: 'l1', title: 'One', milestones: ['first'] },
      { id: 'l2', title: 'Two', milestones: ['later'] },
    ])
    const result = evaluate(p, events('task_added', [1, 2]), { now: at(3), subject: subject() })
    expect(result.milestones.later).toMatchObject({ state: 'locked', current: 2, target: 3 })
  })

  it('shows a milestone achieved inside a locked level as achieved', () => {
    const p = program([milestone('first', one('project_created')), milestone('later', one('task_added'))], [
      { id: 'l1', title: 'One', milestones: ['first'] },
      { id: 'l2', title: 'Two', milestones: ['later'] },
    ])
    const result = evaluate(p, events('task_added', [1]), { now: at(3), subject: subject() })
    expect(result.milestones.later).toMatchObject({ state: 'achieved', achievedAt: at(1) })
    expect(result.levels[1]).toMatchObject({ state: 'locked', completed: 1, total: 1 })
  })

  it('never locks a milestone that belongs to no level', () => {
    const p = program([milestone('first', one('project_created')), milestone('free', one('task_added'))], [
      { id: 'l1', title: 'One', milestones: ['first'] },
      { id: 'l2', title: 'Two', milestones: [] },
    ])
    expect(evaluate(p, [], { now: at(1), subject: subject() }).milestones.free?.state).toBe('available')
  })
})

describe('deadlines', () => {
  const setup = single(three('task_added'), { deadline: { days: 7 } })

  it('reports dueAt as signup plus the deadline days', () => {
    expect(evaluate(setup, [], { now: at(1), subject: subject() }).milestones.m).toMatchObject({ state: 'available', dueAt: at(7) })
  })

  it('is missed only once now is past dueAt without achievement', () => {
    const list = events('task_added', [1, 2])
    expect(evaluate(setup, list, { now: at(7), subject: subject() }).milestones.m?.state).toBe('in_progress')
    expect(evaluate(setup, list, { now: at(7, 1), subject: subject() }).milestones.m).toMatchObject({ state: 'missed', current: 2, dueAt: at(7) })
  })

  it('becomes achieved with late: true when caught up after the deadline', () => {
    const list = events('task_added', [1, 2, 9])
    expect(evaluate(setup, list, { now: at(10), subject: subject() }).milestones.m).toMatchObject({ state: 'achieved', achievedAt: at(9), late: true })
  })

  it('is not late when achieved on time', () => {
    const result = evaluate(setup, events('task_added', [1, 2, 3]), { now: at(10), subject: subject() }).milestones.m
    expect(result?.state).toBe('achieved')
    expect(result?.late).toBeUndefined()
  })

  it('shows missed rather than locked in a locked level', () => {
    const p = program([milestone('first', one('project_created')), milestone('later', three('task_added'), { deadline: { days: 2 } })], [
      { id: 'l1', title: 'One', milestones: ['first'] },
      { id: 'l2', title: 'Two', milestones: ['later'] },
    ])
    expect(evaluate(p, [], { now: at(3), subject: subject() }).milestones.later?.state).toBe('missed')
  })
})

describe('eligibility', () => {
  const teamOnly = single(one('task_added'), { eligibility: { traits: { plan: ['team', 'business'] } } })

  it('is eligible when the trait has an allowed value', () => {
    expect(evaluate(teamOnly, [], { now: at(1), subject: subject({ traits: { plan: 'team' } }) }).milestones.m?.state).toBe('available')
  })

  it('is ineligible when the trait has another value or is missing', () => {
    expect(evaluate(teamOnly, [], { now: at(1), subject: subject({ traits: { plan: 'free' } }) }).milestones.m?.state).toBe('ineligible')
    expect(evaluate(teamOnly, [], { now: at(1), subject: subject({ traits: { role: 'admin' } }) }).milestones.m?.state).toBe('ineligible')
    expect(evaluate(teamOnly, [], { now: at(1), subject: subject() }).milestones.m?.state).toBe('ineligible')
  })

  it('compares trait values strictly', () => {
    const seats = single(one('task_added'), { eligibility: { traits: { seats: [5] } } })
    expect(evaluate(seats, [], { now: at(1), subject: subject({ traits: { seats: '5' } }) }).milestones.m?.state).toBe('ineligible')
  })

  it('requires consent to be exactly true when asked for', () => {
    const needsConsent = single(one('task_added'), { eligibility: { requiresConsent: true } })
    expect(evaluate(needsConsent, [], { now: at(1), subject: subject() }).milestones.m?.state).toBe('ineligible')
    expect(evaluate(needsConsent, [], { now: at(1), subject: subject({ consent: false }) }).milestones.m?.state).toBe('ineligible')
    expect(evaluate(needsConsent, [], { now: at(1), subject: subject({ consent: true }) }).milestones.m?.state).toBe('available')
  })

  it('outranks achieved and missed, reporting numbers without achievement or deadline', () => {
    const p = single(one('task_added'), { eligibility: { requiresConsent: true }, deadline: { days: 1 } })
    const result = evaluate(p, [event('task_added', at(2))], { now: at(3), subject: subject() }).milestones.m
    expect(result).toEqual({ state: 'ineligible', current: 1, target: 1 })
  })
})
