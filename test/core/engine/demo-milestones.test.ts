// The kinds of milestone the Taskly demo program uses, defined inline so this file stands on its own.
import { describe, expect, it } from 'vitest'
import { evaluate, type Milestone } from '../../../src/core'
import { at, event, events, program, subject } from './fixtures'

const demo: Milestone[] = [
  { id: 'seven-day-habit', title: 'Log in on 7 different days', category: 'habit', criterion: { kind: 'days', event: 'logged_in', atLeast: 7 } },
  {
    id: 'tasks-sprint',
    title: 'Complete 3 tasks within 7 days',
    category: 'adoption',
    criterion: { kind: 'count', event: 'task_completed', atLeast: 3, within: { days: 7 } },
  },
  {
    id: 'three-active-teammates',
    title: 'Get 3 teammates active',
    category: 'growth',
    unit: 'account',
    criterion: { kind: 'distinct', event: 'logged_in', property: 'userId', atLeast: 3 },
    eligibility: { traits: { plan: ['team', 'business'] } },
  },
  {
    id: 'time-saved',
    title: 'Save time with tasks',
    category: 'value',
    criterion: { kind: 'count', event: 'task_completed', atLeast: 50 },
    value: { minutesSavedPerUnit: 12, hourlyRate: 60, currency: 'USD' },
  },
  {
    id: 'finish-setup',
    title: 'Finish setting up',
    category: 'onboarding',
    criterion: {
      kind: 'all',
      of: [
        { kind: 'count', event: 'project_created', atLeast: 1 },
        { kind: 'count', event: 'task_added', atLeast: 5 },
        { kind: 'count', event: 'teammate_invited', atLeast: 1 },
      ],
    },
    deadline: { days: 7 },
    celebrate: 'modal',
  },
]
const taskly = program(demo)
const teamMember = subject({ traits: { plan: 'team' } })

describe('demo milestones', () => {
  it('builds a 7-day habit from logins on different days, not logins', () => {
    const logins = events('logged_in', [0, 0.2, 1, 2, 3, 5, 8, 9])
    const progress = evaluate(taskly, logins, { now: at(8.5), subject: teamMember })
    expect(progress.milestones['seven-day-habit']).toMatchObject({ state: 'in_progress', current: 6, target: 7 })
    expect(evaluate(taskly, logins, { now: at(10), subject: teamMember }).milestones['seven-day-habit']).toMatchObject({
      state: 'achieved',
      achievedAt: at(9),
    })
  })

  it('finishes a sprint of 3 tasks completed within 7 days', () => {
    const done = events('task_completed', [1, 9, 14, 15])
    expect(evaluate(taskly, done, { now: at(20), subject: teamMember }).milestones['tasks-sprint']).toMatchObject({
      state: 'achieved',
      achievedAt: at(15),
    })
  })

  it('counts 3 active teammates across the account, only for team plans', () => {
    const logins = ['u1', 'u2', 'u3'].map((userId, i) => event('logged_in', at(i + 1), { userId }))
    expect(evaluate(taskly, logins, { now: at(5), subject: teamMember }).milestones['three-active-teammates']).toMatchObject({
      state: 'achieved',
      current: 3,
    })
    const free = subject({ traits: { plan: 'free' } })
    expect(evaluate(taskly, logins, { now: at(5), subject: free }).milestones['three-active-teammates']?.state).toBe('ineligible')
  })

  it('turns completed tasks into minutes and money saved', () => {
    const done = events('task_completed', [1, 2, 3])
    expect(evaluate(taskly, done, { now: at(5), subject: teamMember }).value).toEqual({ minutesSaved: 36, moneySaved: 36, currency: 'USD' })
  })

  it('misses setup after 7 days, then catches up late', () => {
    const partial = [event('project_created', at(1)), ...events('task_added', [1, 1, 2, 2, 3])]
    const missed = evaluate(taskly, partial, { now: at(8), subject: teamMember })
    expect(missed.milestones['finish-setup']).toMatchObject({ state: 'missed', current: 2, target: 3, dueAt: at(7) })
    expect(missed.nextSteps.map((step) => step.milestoneId)).not.toContain('finish-setup')

    const caughtUp = evaluate(taskly, [...partial, event('teammate_invited', at(9))], { now: at(10), subject: teamMember })
    expect(caughtUp.milestones['finish-setup']).toMatchObject({ state: 'achieved', achievedAt: at(9), late: true, current: 3 })
  })
})
