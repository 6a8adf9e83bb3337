import { describe, expect, it } from 'vitest'
import { demoProgram, evaluate, type Criterion } from '../../../src/core'
import { at, event, events, milestone, program, subject } from './fixtures'

const count = (name: string, atLeast: number): Criterion => ({ kind: 'count', event: name, atLeast })
const stepIds = (result: ReturnType<typeof evaluate>) => result.nextSteps.map((step) => step.milestoneId)

describe('next steps: the active level first, composites after their children', () => {
  it("offers someone who has done nothing the first level's steps, not a composite that repeats them", () => {
    const result = evaluate(demoProgram, [], { now: at(0, 1), subject: subject({ traits: { plan: 'team' } }) })
    expect(stepIds(result)).toEqual(['first-project', 'five-tasks', 'invite-teammate'])
  })

  it("puts the active level's open milestones before milestones in no level, whatever their priority or deadline", () => {
    const p = program(
      [
        milestone('urgent-extra', count('x', 1), { priority: 100, deadline: { days: 2 } }),
        milestone('level-step', count('y', 3)),
        milestone('done-step', count('z', 1)),
      ],
      [{ id: 'one', title: 'One', milestones: ['level-step', 'done-step'] }],
    )
    const result = evaluate(p, [event('z', at(0.5))], { now: at(1), subject: subject() })
    expect(stepIds(result)).toEqual(['level-step', 'urgent-extra'])
  })

  it('never lets a composite outrank its own open children, even with a higher priority in the same level', () => {
    const p = program(
      [
        milestone('setup', { kind: 'all', of: [count('a', 1), { atLeast: 2, event: 'b', kind: 'count' }] }, { priority: 50 }),
        milestone('step-a', count('a', 1)),
        milestone('step-b', { kind: 'count', event: 'b', atLeast: 2 }),
        milestone('other', count('c', 1), { priority: 10 }),
      ],
      [{ id: 'one', title: 'One', milestones: ['setup', 'step-a', 'step-b', 'other'] }],
    )
    const nothingDone = evaluate(p, [], { now: at(1), subject: subject() })
    expect(stepIds(nothingDone)).toEqual(['other', 'step-a', 'step-b'])
    const halfway = evaluate(p, [event('a', at(0.5))], { now: at(1), subject: subject() })
    expect(stepIds(halfway)).toEqual(['other', 'step-b', 'setup'])
  })

  it('counts criteria nested at any depth as children, and an `any` composite too', () => {
    const p = program([
      milestone('either', { kind: 'any', of: [{ kind: 'all', of: [count('a', 1)] }, count('b', 1)] }, { priority: 9 }),
      milestone('step-a', count('a', 1)),
      milestone('step-b', count('b', 1)),
    ])
    expect(stepIds(evaluate(p, [], { now: at(1), subject: subject() }))).toEqual(['step-a', 'step-b', 'either'])
  })

  it('keeps DESIGN order within a tier: priority, nearest deadline, closeness, program order', () => {
    const p = program(
      [
        milestone('plain', count('x', 5)),
        milestone('closer', count('task_added', 5)),
        milestone('due-soon', count('z', 5), { deadline: { days: 10 } }),
        milestone('important', count('w', 5), { priority: 5 }),
      ],
      [{ id: 'one', title: 'One', milestones: ['plain', 'closer', 'due-soon', 'important'] }],
    )
    const result = evaluate(p, events('task_added', [1]), { now: at(3), subject: subject() })
    expect(stepIds(result)).toEqual(['important', 'due-soon', 'closer'])
  })
})
