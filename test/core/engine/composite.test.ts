import { describe, expect, it } from 'vitest'
import { evaluate, type CairnEvent, type Criterion } from '../../../src/core'
import { at, event, events, single, subject } from './fixtures'

const project: Criterion = { kind: 'count', event: 'project_created', atLeast: 1 }
const fiveTasks: Criterion = { kind: 'count', event: 'task_added', atLeast: 5 }
const invite: Criterion = { kind: 'count', event: 'teammate_invited', atLeast: 1 }

function composite(criterion: Criterion, list: CairnEvent[], now = at(30)) {
  return evaluate(single(criterion), list, { now, subject: subject() }).milestones.m
}

describe('all', () => {
  it('reports achieved children out of all children', () => {
    const list = [...events('project_created', [1]), ...events('task_added', [1, 2, 3, 4])]
    expect(composite({ kind: 'all', of: [project, fiveTasks, invite] }, list)).toMatchObject({ state: 'in_progress', current: 1, target: 3 })
  })

  it('is achieved at its last child’s achievedAt', () => {
    const list = [...events('project_created', [1]), ...events('task_added', [1, 2, 3, 4, 5]), ...events('teammate_invited', [2])]
    expect(composite({ kind: 'all', of: [project, fiveTasks, invite] }, list)).toMatchObject({ state: 'achieved', current: 3, target: 3, achievedAt: at(5) })
  })

  it('counts a windowed child once achieved, even after its window emptied', () => {
    const sprint: Criterion = { kind: 'count', event: 'task_completed', atLeast: 2, within: { days: 2 } }
    const list = [...events('task_completed', [1, 1.5]), ...events('project_created', [20])]
    expect(composite({ kind: 'all', of: [sprint, project] }, list)).toMatchObject({ state: 'achieved', achievedAt: at(20) })
  })

  it('shows no progress while no child is achieved, even with partial progress inside children', () => {
    expect(composite({ kind: 'all', of: [fiveTasks, invite] }, events('task_added', [1, 2]))).toMatchObject({ state: 'available', current: 0, target: 2 })
  })
})

describe('any', () => {
  it('reports the child closest to done', () => {
    const list = [...events('task_added', [1, 2, 3, 4])]
    const ten: Criterion = { kind: 'count', event: 'task_added', atLeast: 10 }
    expect(composite({ kind: 'any', of: [invite, ten, fiveTasks] }, list)).toMatchObject({ state: 'in_progress', current: 4, target: 5 })
  })

  it('is achieved at its first child’s achievedAt', () => {
    const list = [...events('teammate_invited', [6]), ...events('task_added', [1, 2, 3, 4, 5])]
    expect(composite({ kind: 'any', of: [invite, fiveTasks] }, list)).toMatchObject({ state: 'achieved', achievedAt: at(5), current: 5, target: 5 })
  })

  it('reports the first child when none has started', () => {
    expect(composite({ kind: 'any', of: [fiveTasks, invite] }, [])).toMatchObject({ state: 'available', current: 0, target: 5 })
  })

  it('nests inside all (linked bank + budget or 2-week streak)', () => {
    const streak: Criterion = { kind: 'streak', event: 'checked_spending', period: 'week', atLeast: 2 }
    const budget: Criterion = { kind: 'count', event: 'budget_set', atLeast: 1 }
    const bank: Criterion = { kind: 'count', event: 'bank_linked', atLeast: 1 }
    const tree: Criterion = { kind: 'all', of: [bank, { kind: 'any', of: [budget, streak] }] }
    const list = [event('bank_linked', at(1)), event('checked_spending', at(2)), event('checked_spending', at(9))]
    expect(composite(tree, list)).toMatchObject({ state: 'achieved', achievedAt: at(9), current: 2, target: 2 })
  })
})
