import { describe, expect, it } from 'vitest'
import { evaluate, type Criterion } from '../../../src/core'
import { at, event, events, milestone, program, single, subject } from './fixtures'

const count = (name: string, atLeast: number): Criterion => ({ kind: 'count', event: name, atLeast })

describe('next steps', () => {
  it('orders by priority, then nearest deadline, then closeness to done, then program order', () => {
    const p = program([
      milestone('plain', count('x', 5)),
      milestone('closer', count('task_added', 5)),
      milestone('due-later', count('y', 5), { deadline: { days: 20 } }),
      milestone('due-soon', count('z', 5), { deadline: { days: 10 } }),
      milestone('important', count('w', 5), { priority: 5 }),
    ])
    const result = evaluate(p, events('task_added', [1, 2]), { now: at(3), subject: subject() })
    expect(result.nextSteps.map((step) => step.milestoneId)).toEqual(['important', 'due-soon', 'due-later'])
    const withoutPriority = evaluate(program(p.milestones.filter((m) => !m.priority && !m.deadline)), events('task_added', [1]), {
      now: at(3),
      subject: subject(),
    })
    expect(withoutPriority.nextSteps.map((step) => step.milestoneId)).toEqual(['closer', 'plain'])
  })

  it('never offers locked, achieved, missed or ineligible milestones', () => {
    const p = program(
      [
        milestone('done', count('a', 1)),
        milestone('open', count('b', 2)),
        milestone('gone', count('c', 1), { deadline: { days: 1 } }),
        milestone('not-for-you', count('d', 1), { eligibility: { requiresConsent: true } }),
        milestone('locked', count('e', 1)),
      ],
      [
        { id: 'l1', title: 'L1', milestones: ['done', 'open'] },
        { id: 'l2', title: 'L2', milestones: ['locked'] },
      ],
    )
    const result = evaluate(p, [event('a', at(0.5))], { now: at(2), subject: subject() })
    expect(result.nextSteps.map((step) => step.milestoneId)).toEqual(['open'])
  })

  it('offers at most three, each with its call to action', () => {
    const p = program(
      ['a', 'b', 'c', 'd'].map((id) => milestone(id, count(id, 1), { cta: { label: `Do ${id}`, href: `/${id}` } })),
    )
    const result = evaluate(p, [], { now: at(1), subject: subject() })
    expect(result.nextSteps).toHaveLength(3)
    expect(result.nextSteps[0]).toMatchObject({ milestoneId: 'a', title: 'Title of a', cta: { label: 'Do a', href: '/a' } })
  })

  it('explains each step in plain words', () => {
    const reasonOf = (criterion: Criterion, list: ReturnType<typeof event>[], extra = {}) =>
      evaluate(single(criterion, extra), list, { now: at(4), subject: subject() }).nextSteps[0]?.reason
    expect(reasonOf(count('task_completed', 5), events('task_completed', [1, 2, 3]))).toBe('2 more tasks to go')
    expect(reasonOf(count('task_completed', 10), events('task_completed', [1, 1, 1, 2, 2, 2, 3, 3]))).toBe("You're almost there")
    expect(reasonOf(count('task_completed', 5), [], { deadline: { days: 7 } })).toBe('Due in 3 days')
    expect(reasonOf(count('project_created', 1), [])).toBe('Just one step')
    expect(reasonOf({ kind: 'days', event: 'logged_in', atLeast: 7 }, events('logged_in', [1]))).toBe('6 more days to go')
    expect(reasonOf({ kind: 'streak', event: 'logged_in', period: 'week', atLeast: 4 }, [])).toBe('4 weeks in a row to go')
  })
})

describe('value', () => {
  it('multiplies minutes saved per unit by current, uncapped, and prices it at the hourly rate', () => {
    const p = single(count('task_completed', 50), { category: 'value', value: { minutesSavedPerUnit: 12, hourlyRate: 60, currency: 'USD' } })
    const result = evaluate(p, events('task_completed', [1, 2, 3, 4, 5]), { now: at(6), subject: subject() })
    expect(result.value).toEqual({ minutesSaved: 60, moneySaved: 60, currency: 'USD' })
  })

  it('sums every value milestone and omits money when no rate is given', () => {
    const p = program([
      milestone('a', count('a', 1), { value: { minutesSavedPerUnit: 5 } }),
      milestone('b', count('b', 1), { value: { minutesSavedPerUnit: 2 } }),
    ])
    const result = evaluate(p, [...events('a', [1, 2]), ...events('b', [1])], { now: at(3), subject: subject() })
    expect(result.value).toEqual({ minutesSaved: 12 })
  })

  it('prices the same whole minutes it reports, so hours and money always agree', () => {
    const p = single(count('task_completed', 50), { category: 'value', value: { minutesSavedPerUnit: 2.5, hourlyRate: 50, currency: 'USD' } })
    const result = evaluate(p, events('task_completed', [1, 2, 3]), { now: at(6), subject: subject() })
    // 7.5 minutes are reported as 8, and 8 minutes at $50 an hour are $6.67.
    expect(result.value).toEqual({ minutesSaved: 8, moneySaved: 6.67, currency: 'USD' })
  })

  it('leaves value out when the program declares none', () => {
    expect(evaluate(single(count('a', 1)), [], { now: at(1), subject: subject() }).value).toBeUndefined()
  })
})
