import { describe, expect, it } from 'vitest'
import { evaluate, type CairnEvent, type Program, type Subject } from '../../src/core'
import { achievementHistory } from '../../src/store'

/** Two levels of one step each; the first unlocks a badge, the second has a step only some plans can take. */
const program: Program = {
  id: 'history',
  version: '1',
  title: 'History',
  milestones: [
    { id: 'start', title: 'Start', doneTitle: 'Started', category: 'onboarding', criterion: { kind: 'count', event: 'start', atLeast: 1 } },
    { id: 'pro', title: 'Go pro', category: 'growth', criterion: { kind: 'count', event: 'pro', atLeast: 1 }, eligibility: { traits: { plan: ['pro'] } } },
    { id: 'extra', title: 'Extra', category: 'habit', criterion: { kind: 'count', event: 'extra', atLeast: 1 } },
  ],
  levels: [
    { id: 'one', title: 'One', milestones: ['start'], unlocks: { badge: 'starter' } },
    { id: 'two', title: 'Two', milestones: ['pro'] },
  ],
  badges: [{ id: 'starter', title: 'Starter' }],
}

const subject: Subject = { userId: 'u', signedUpAt: '2026-09-01T00:00:00.000Z', traits: { plan: 'free' } }
const event = (name: string, timestamp: string): CairnEvent => ({ id: `${name}-${timestamp}`, name, userId: 'u', timestamp })
const historyOf = (events: CairnEvent[]) => achievementHistory(program, evaluate(program, events, { now: '2026-12-01T00:00:00.000Z', subject }))

describe('achievementHistory', () => {
  it('groups by UTC month, newest first; at one instant the levels (program order), then the badge, then the step', () => {
    const months = historyOf([event('start', '2026-10-31T23:30:00.000Z'), event('extra', '2026-11-01T00:30:00.000Z')])
    expect(months.map((m) => m.month)).toEqual(['2026-11', '2026-10'])
    expect(months[0]!.entries.map((e) => `${e.kind}:${e.id}`)).toEqual(['milestone:extra'])
    expect(months[1]!.entries.map((e) => `${e.kind}:${e.id}`)).toEqual(['level:one', 'level:two', 'badge:starter', 'milestone:start'])
    expect(months[1]!.entries[3]).toMatchObject({ title: 'Start', doneTitle: 'Started', at: '2026-10-31T23:30:00.000Z' })
  })

  it('dates a level as the engine completes it, and leaves out a level with no known moment', () => {
    // Level two holds only an ineligible step: it completes with level one (DESIGN §3), so it shares its moment.
    const months = historyOf([event('start', '2026-10-02T10:00:00.000Z')])
    expect(months[0]!.entries.filter((e) => e.kind === 'level').map((e) => e.at)).toEqual(['2026-10-02T10:00:00.000Z', '2026-10-02T10:00:00.000Z'])
    // A first level with nothing eligible in it is complete from the start, at no moment anyone could name: left out.
    const first: Program = { ...program, levels: [{ id: 'zero', title: 'Zero', milestones: ['pro'] }, ...program.levels.slice(0, 1)] }
    const progress = evaluate(first, [event('start', '2026-10-02T10:00:00.000Z')], { now: '2026-12-01T00:00:00.000Z', subject })
    expect(progress.levels[0]).toMatchObject({ id: 'zero', state: 'complete' })
    expect(achievementHistory(first, progress).flatMap((m) => m.entries.map((e) => e.id))).toEqual(['one', 'starter', 'start'])
  })

  it('is empty before anything is achieved', () => {
    expect(historyOf([])).toEqual([])
  })
})
