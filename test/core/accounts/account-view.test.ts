import { buildAccountView, demoProgram, evaluate, type CairnEvent, type CohortMember, type Program, type Subject } from '../../../src/core'

const NOW = new Date('2026-06-01T12:00:00.000Z')
const DAY = 24 * 3_600_000
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString()

/** Milestones with a simple event each, no levels to lock them, and a k of 3 so small cohorts can be judged. */
const program: Program = {
  ...demoProgram,
  levels: [],
  badges: [],
  milestones: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: `Do ${id}`, category: 'onboarding' as const, criterion: { kind: 'count' as const, event: id, atLeast: 1 } })),
  benchmarks: { minCohort: 3 },
  signals: [{ id: 'quiet', title: 'Went quiet', criterion: { kind: 'inactive', days: 14 } }],
}

let seq = 0
/** An account of one user who signed up `age` days ago and did the given milestones on the given days after signup. */
function account(id: string, age: number, done: Record<string, number> = {}, users = 1): CohortMember[] {
  return Array.from({ length: users }, (_, u) => {
    const subject: Subject = { userId: `${id}-u${u}`, accountId: id, signedUpAt: ago(age) }
    const events: CairnEvent[] =
      u === 0
        ? Object.entries(done).map(([name, day]) => ({ id: `e${seq++}`, name, userId: subject.userId, accountId: id, timestamp: new Date(Date.parse(subject.signedUpAt) + day * DAY).toISOString() }))
        : []
    return { subject, progress: evaluate(program, events, { now: NOW, subject }) }
  })
}

const rowOf = (view: ReturnType<typeof buildAccountView>, id: string) => view.find((e) => e.row.accountId === id)!

describe('buildAccountView', () => {
  it('folds members into one row per account, sorted by id, with what they achieved together', () => {
    const view = buildAccountView(program, [...account('zeta', 10, { a: 1 }, 3), ...account('alpha', 5, { a: 1, b: 2 })], NOW)
    expect(view.map((e) => e.row.accountId)).toEqual(['alpha', 'zeta'])
    expect(rowOf(view, 'zeta').row).toMatchObject({ users: 3, daysSinceSignup: 10, milestonesAchieved: 1, lastMilestoneAt: ago(9) })
  })

  it('is behind below the 25th percentile of peers at the same stage, and ahead above the 75th', () => {
    // Peers signed up 20 days ago; by day 10 each had done two milestones (a on day 1, b on day 5).
    const peers = ['p1', 'p2', 'p3', 'p4'].flatMap((id) => account(id, 20, { a: 1, b: 5, c: 15 }))
    const view = buildAccountView(program, [...peers, ...account('slow', 10, {}), ...account('fast', 10, { a: 0, b: 1, c: 2, d: 3 }), ...account('even', 10, { a: 2, b: 3 })], NOW)
    expect(rowOf(view, 'slow').row.pace).toBe('behind')
    expect(rowOf(view, 'slow').segments.has('behind_pace')).toBe(true)
    expect(rowOf(view, 'slow').segments.has('at_risk')).toBe(true)
    expect(rowOf(view, 'fast').row.pace).toBe('ahead')
    expect(rowOf(view, 'even').row.pace).toBe('on_track')
    expect(rowOf(view, 'even').segments.has('at_risk')).toBe(false)
  })

  it('claims no pace with fewer peers than the program minimum (k-anonymity)', () => {
    const view = buildAccountView(program, [...account('p1', 20, { a: 1, b: 2 }), ...account('p2', 20, { a: 1, b: 2 }), ...account('slow', 10)], NOW)
    expect(rowOf(view, 'slow').row.pace).toBe('on_track')
  })

  it('marks stalled accounts (no milestone in 30 days with work open) and suggests the next step', () => {
    const view = buildAccountView(program, [...account('old', 60, { a: 1 }), ...account('new', 5, {})], NOW)
    const old = rowOf(view, 'old')
    expect(old.segments.has('stalled')).toBe(true)
    expect(old.row.suggestedAction).toMatch(/Check in/)
    expect(rowOf(view, 'new').segments.has('stalled')).toBe(false)
  })

  it('lists active signals and puts the account at risk with a check-in', () => {
    const view = buildAccountView(program, account('quiet', 40, { a: 39 }), NOW) // last event 1 day ago
    expect(rowOf(view, 'quiet').row.signals).toEqual([])
    const silent = buildAccountView(program, account('silent', 40, { a: 2 }), NOW)
    expect(rowOf(silent, 'silent').row.signals).toEqual(['quiet'])
    expect(rowOf(silent, 'silent').segments.has('at_risk')).toBe(true)
    expect(rowOf(silent, 'silent').row.suggestedAction).toMatch(/no activity for 14\+ days/)
  })

  it('flags expansion for 3+ milestones in the last 30 days, with an expansion conversation', () => {
    const view = buildAccountView(program, account('busy', 20, { a: 15, b: 17, c: 19 }), NOW)
    expect(rowOf(view, 'busy').segments.has('expansion')).toBe(true)
    expect(rowOf(view, 'busy').row.suggestedAction).toMatch(/expansion/)
  })

  it('leaves out users without an account', () => {
    const subject: Subject = { userId: 'solo', signedUpAt: ago(3) }
    expect(buildAccountView(program, [{ subject, progress: evaluate(program, [], { now: NOW, subject }) }], NOW)).toEqual([])
  })
})
