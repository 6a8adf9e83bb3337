import { describe, expect, it } from 'vitest'
import { evaluate, type CairnEvent, type Program, type Signal } from '../../../src/core'
import { DAY, SIGNUP, at, event, events, milestone, program, subject } from './fixtures'

const ms = (iso: string) => Date.parse(iso)
const iso = (time: number) => new Date(time).toISOString()

function withSignal(signal: Omit<Signal, 'id' | 'title'>, milestones = [milestone('m', { kind: 'count', event: 'task_added', atLeast: 100 })]): Program {
  return { ...program(milestones), signals: [{ id: 's', title: 'Signal', ...signal }] }
}
const signalAt = (p: Program, list: CairnEvent[], now: string, overrides: Parameters<typeof subject>[0] = {}) =>
  evaluate(p, list, { now, subject: subject(overrides) }).signals?.[0]

describe('inactive', () => {
  const inactive = withSignal({ criterion: { kind: 'inactive', days: 14 } })

  it('is clear until signup is days × 24 h ago, then active since that moment', () => {
    const due = ms(SIGNUP) + 14 * DAY
    expect(signalAt(inactive, [], iso(due - 1))).toEqual({ id: 's', state: 'clear' })
    expect(signalAt(inactive, [], iso(due))).toEqual({ id: 's', state: 'active', since: at(14) })
  })

  it('counts any event by default and the window is (now − days, now]: an event exactly days ago no longer counts', () => {
    const list = [event('logged_in', at(3)), event('task_added', at(5))]
    expect(signalAt(inactive, list, iso(ms(at(19)) - 1))).toEqual({ id: 's', state: 'clear' })
    expect(signalAt(inactive, list, at(19))).toEqual({ id: 's', state: 'active', since: at(19) })
  })

  it('reads only the named event when one is given', () => {
    const named = withSignal({ criterion: { kind: 'inactive', event: 'task_added', days: 14 } })
    const list = [event('task_added', at(2)), event('logged_in', at(15))]
    expect(signalAt(named, list, at(16))).toEqual({ id: 's', state: 'active', since: at(16) })
  })

  it('clears with a new matching event and ignores events after now', () => {
    const list = [event('logged_in', at(20))]
    expect(signalAt(inactive, list, at(20))).toEqual({ id: 's', state: 'clear', clearedAt: at(20) })
    expect(signalAt(inactive, list, iso(ms(at(20)) - 1))).toEqual({ id: 's', state: 'active', since: at(14) })
  })

  it('remembers the return for 24 h: clearedAt is the event that ended the quiet spell, kept in [event, event + 24 h)', () => {
    // Quiet from day 14 (signup + 14 days); the visit's own log-in at day 30 ends it.
    const back = ms(at(30))
    const list = [event('logged_in', at(30)), event('task_added', at(30, 2))]
    expect(signalAt(inactive, list, iso(back - 1))).toEqual({ id: 's', state: 'active', since: at(14) })
    expect(signalAt(inactive, list, at(30))).toEqual({ id: 's', state: 'clear', clearedAt: at(30) })
    expect(signalAt(inactive, list, iso(back + DAY - 1))).toEqual({ id: 's', state: 'clear', clearedAt: at(30) })
    expect(signalAt(inactive, list, iso(back + DAY))).toEqual({ id: 's', state: 'clear' })
  })

  it('does not call an event a return when the signal was never active before it', () => {
    // The gap is exactly 14 days: at the event's moment it already counts, so the signal never became active.
    expect(signalAt(inactive, [event('logged_in', at(14))], at(14, 1))).toEqual({ id: 's', state: 'clear' })
    expect(signalAt(inactive, [event('logged_in', iso(ms(at(14)) + 1))], at(14, 1))).toEqual({ id: 's', state: 'clear', clearedAt: iso(ms(at(14)) + 1) })
    // Regular use: no quiet spell, so no return to greet.
    expect(signalAt(inactive, events('logged_in', [10, 20, 30]), at(30, 1))).toEqual({ id: 's', state: 'clear' })
  })

  it('names the return only for the named event, from the last one before it', () => {
    const named = withSignal({ criterion: { kind: 'inactive', event: 'task_added', days: 14 } })
    const list = [event('task_added', at(2)), event('logged_in', at(20)), event('task_added', at(21))]
    expect(signalAt(named, list, at(21, 3))).toEqual({ id: 's', state: 'clear', clearedAt: at(21) })
  })

  it('reads the whole account for unit account, and falls back to the user without an account', () => {
    const team = withSignal({ unit: 'account', criterion: { kind: 'inactive', days: 14 } })
    const teammate = [event('logged_in', at(10), { userId: 'u2' })]
    expect(signalAt(team, teammate, at(20))).toEqual({ id: 's', state: 'clear' })
    expect(signalAt(inactive, teammate, at(20))).toEqual({ id: 's', state: 'active', since: at(14) })
    expect(signalAt(team, teammate, at(20), { accountId: undefined })).toEqual({ id: 's', state: 'active', since: at(14) })
  })

  it('is left out for a subject the eligibility rules exclude', () => {
    const paying = withSignal({ criterion: { kind: 'inactive', days: 14 }, eligibility: { traits: { plan: ['team'] } } })
    expect(evaluate(paying, [], { now: at(20), subject: subject() }).signals).toEqual([])
    expect(signalAt(paying, [], at(20), { traits: { plan: 'team' } })?.state).toBe('active')
  })

  it('never changes milestones, levels or totals', () => {
    const list = events('task_added', [1, 2])
    const quiet = evaluate(inactive, list, { now: at(30), subject: subject() })
    const { signals: _signals, ...rest } = quiet
    expect(rest).toEqual(evaluate(program(inactive.milestones), list, { now: at(30), subject: subject() }))
  })
})

describe('usage_drop', () => {
  const drop = withSignal({ criterion: { kind: 'usage_drop', event: 'task_added', days: 7, dropPercent: 50 } })

  it('is active when recent ≤ before × (1 − dropPercent/100), with before ≥ minBefore (3 by default)', () => {
    // Before window (now − 14d, now − 7d] = (day 6, day 13]: 4 events. Recent (day 13, day 20]: 2 → 2 ≤ 4 × 0.5.
    const list = events('task_added', [7, 8, 9, 10, 14, 15])
    expect(signalAt(drop, list, at(20))).toMatchObject({ state: 'active' })
    expect(signalAt(drop, [...list, event('task_added', at(16))], at(20))).toEqual({ id: 's', state: 'clear' })
  })

  it('needs at least minBefore events before', () => {
    const list = events('task_added', [7, 8])
    expect(signalAt(drop, list, at(20))).toEqual({ id: 's', state: 'clear' })
    const lenient = withSignal({ criterion: { kind: 'usage_drop', event: 'task_added', days: 7, dropPercent: 50, minBefore: 2 } })
    expect(signalAt(lenient, list, at(20))).toMatchObject({ state: 'active' })
  })

  it('places window edges on timestamps: an event exactly 2×days ago is out, exactly days ago is in `before`', () => {
    const now = at(20)
    const edge = (days: number) => iso(ms(now) - days * DAY)
    const list = [event('task_added', edge(14)), event('task_added', edge(13)), event('task_added', edge(12)), event('task_added', edge(7))]
    // before = edge(13), edge(12), edge(7) = 3 (edge(14) left); recent = 0.
    expect(signalAt(drop, list, now)).toMatchObject({ state: 'active' })
    // One millisecond earlier, edge(7) is still recent: before 3 (edge(14) in), recent 1 ≤ 2 — still active;
    // with 100% drop required it is not.
    const total = withSignal({ criterion: { kind: 'usage_drop', event: 'task_added', days: 7, dropPercent: 100 } })
    expect(signalAt(total, list, iso(ms(now) - 1))).toEqual({ id: 's', state: 'clear' })
    expect(signalAt(total, list, now)).toMatchObject({ state: 'active' })
  })

  it('reports since as the moment the current drop began', () => {
    // Events on days 1–4; with days 7 the drop starts when day 1 moves into `before` with 3 before: day 3 + 7.
    const list = events('task_added', [1, 2, 3])
    expect(signalAt(drop, list, at(12))).toEqual({ id: 's', state: 'active', since: at(10) })
    // After day 1 + 14 the before window holds only 2: the drop is over.
    expect(signalAt(drop, list, at(15))).toEqual({ id: 's', state: 'clear' })
  })
})

describe('stalled', () => {
  const stalled = withSignal({ criterion: { kind: 'stalled', days: 30 } }, [
    milestone('first', { kind: 'count', event: 'project_created', atLeast: 1 }),
    milestone('second', { kind: 'count', event: 'task_added', atLeast: 5 }),
  ])

  it('is active days × 24 h after the last achievement while a milestone is open', () => {
    const list = [event('project_created', at(4))]
    expect(signalAt(stalled, list, iso(ms(at(34)) - 1))).toEqual({ id: 's', state: 'clear' })
    expect(signalAt(stalled, list, at(34))).toEqual({ id: 's', state: 'active', since: at(34) })
  })

  it('counts from signup when nothing was achieved, and not before signup + days', () => {
    expect(signalAt(stalled, [], iso(ms(at(30)) - 1))).toEqual({ id: 's', state: 'clear' })
    expect(signalAt(stalled, [], at(30))).toEqual({ id: 's', state: 'active', since: at(30) })
  })

  it('is clear when nothing is left open', () => {
    const list = [event('project_created', at(1)), ...events('task_added', [1, 1, 1, 1, 1])]
    expect(signalAt(stalled, list, at(90))).toEqual({ id: 's', state: 'clear' })
  })

  it('clears when a milestone is achieved', () => {
    expect(signalAt(stalled, [event('project_created', at(40))], at(40))).toEqual({ id: 's', state: 'clear' })
  })
})

describe('tenure milestones and signals together', () => {
  const p = withSignal({ criterion: { kind: 'stalled', days: 30 } }, [
    milestone('first', { kind: 'count', event: 'project_created', atLeast: 1 }),
    milestone('year', { kind: 'tenure', days: 365 }),
  ])

  it('never offers a tenure milestone as a next step: time alone achieves it', () => {
    expect(evaluate(p, [], { now: at(3), subject: subject() }).nextSteps.map((s) => s.milestoneId)).toEqual(['first'])
  })

  it('does not call someone stalled when only a tenure milestone is left open', () => {
    const list = [event('project_created', at(1))]
    expect(signalAt(p, list, at(100))).toEqual({ id: 's', state: 'clear' })
  })
})

describe('stalled and time-based milestones', () => {
  it('is not reset by a tenure milestone being reached', () => {
    const p = withSignal({ criterion: { kind: 'stalled', days: 30 } }, [
      milestone('first', { kind: 'count', event: 'project_created', atLeast: 1 }),
      milestone('second', { kind: 'count', event: 'task_added', atLeast: 5 }),
      milestone('month', { kind: 'tenure', days: 30 }),
    ])
    expect(signalAt(p, [event('project_created', at(1))], at(40))).toEqual({ id: 's', state: 'active', since: at(31) })
  })
})
