// Programs for authoring tests: a small valid one, a loose copy to break, and the errors it is rejected with.
import { parseProgram, type Program } from '../../src/core'

/** A small valid program; tests break one thing at a time. Index 3 has a window so paths match the docs. */
export function validProgram(): Program {
  return {
    id: 'sample',
    version: '1',
    title: 'Sample',
    milestones: [
      { id: 'first', title: 'First', category: 'onboarding', criterion: { kind: 'count', event: 'created', atLeast: 1 }, badge: 'starter' },
      { id: 'second', title: 'Second', category: 'adoption', criterion: { kind: 'sum', event: 'paid', property: 'amount', atLeast: 100 } },
      { id: 'third', title: 'Third', category: 'habit', criterion: { kind: 'streak', event: 'opened', period: 'week', atLeast: 4 } },
      { id: 'fourth', title: 'Fourth', category: 'habit', criterion: { kind: 'count', event: 'done', atLeast: 3, within: { days: 7 } }, deadline: { days: 14 } },
    ],
    levels: [
      { id: 'one', title: 'One', milestones: ['first', 'second'], unlocks: { badge: 'finisher', features: ['extra'] } },
      { id: 'two', title: 'Two', milestones: ['third'] },
    ],
    badges: [
      { id: 'starter', title: 'Starter' },
      { id: 'finisher', title: 'Finisher', icon: '🏁' },
    ],
    benchmarks: { segmentBy: ['plan'], minCohort: 10 },
  }
}

/** The program as loose JSON so a test can put anything anywhere. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function draft(): any {
  return structuredClone(validProgram())
}

export function errorsOf(input: unknown) {
  const result = parseProgram(input)
  if (result.ok) throw new Error('expected the program to be rejected')
  return result.errors
}
