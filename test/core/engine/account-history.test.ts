import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AccountHistory, createIncrementalEvaluator, evaluate, nextChangeAt, type CairnEvent, type Program, type Subject } from '../../../src/core'
import { eventStreams, moments, programs, subjects } from './arbitraries'

// The generated events belong to u1 and u2 of account "acme", u1 outside any account, and u3 of "other"; ids collide
// often (also across users and accounts), so the history's dedupe and the fallback for differing copies both run.
const RUNS = 150

/** Two members of acme, each with their own signup, traits and time zone. */
const members = fc.tuple(subjects, subjects).map(([first, second]): Subject[] => [
  { ...first, userId: 'u1', accountId: 'acme' },
  { ...second, userId: 'u2', accountId: 'acme' },
])

/** What the server hands `evaluate` for one member: its own events and its account's. */
const concerning = (subject: Subject, list: readonly CairnEvent[]) =>
  list.filter((item) => item.userId === subject.userId || (item.accountId !== undefined && item.accountId === subject.accountId))

const shuffled = <T>(list: readonly T[], randomness: fc.Stream<number>): T[] =>
  list
    .map((item) => ({ item, key: randomness.next().value as number }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item)

describe('account history shared by the members of an account', () => {
  it('gives every member the progress evaluate() gives over their own and their account events', () => {
    fc.assert(
      fc.property(programs, members, eventStreams, moments, (program, team, list, now) => {
        const history = AccountHistory.from('acme', list)
        for (const member of team) {
          const evaluator = createIncrementalEvaluator(program, member, list.filter((item) => item.userId === member.userId), { account: history })
          expect(evaluator.progress(now)).toEqual(evaluate(program, concerning(member, list), { now, subject: member }))
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('agrees with evaluate() after applies in random order, through any member or the history, with duplicates', () => {
    fc.assert(
      fc.property(
        programs,
        members,
        eventStreams,
        fc.array(moments, { minLength: 1, maxLength: 8 }),
        fc.infiniteStream(fc.nat()),
        (program: Program, team, list, clock, randomness) => {
          const history = AccountHistory.from('acme')
          const evaluators = team.map((member) => createIncrementalEvaluator(program, member, [], { account: history }))
          const fedTo: CairnEvent[][] = team.map(() => [])
          const accountEvents: CairnEvent[] = []
          const feed = shuffled([...list, ...list.filter((_, i) => i % 2 === 0).map((item) => ({ ...item }))], randomness)
          feed.forEach((item, step) => {
            const now = clock[step % clock.length] as string
            // One of the members' evaluators, or whoever owns the history, takes it in.
            const target = (randomness.next().value as number) % (team.length + 1)
            if (target === team.length) history.add(item)
            else {
              fedTo[target]!.push(item)
              evaluators[target]!.apply(item, now)
            }
            if (item.accountId === 'acme') accountEvents.push(item)
            const who = (randomness.next().value as number) % team.length
            const member = team[who]!
            const reference = evaluate(program, concerning(member, [...fedTo[who]!, ...accountEvents]), { now, subject: member })
            expect(evaluators[who]!.progress(now)).toEqual(reference)
          })
          const now = clock[0] as string
          team.forEach((member, who) => {
            const events = concerning(member, [...fedTo[who]!, ...accountEvents])
            expect(evaluators[who]!.progress(now)).toEqual(evaluate(program, events, { now, subject: member }))
            expect(evaluators[who]!.nextChangeAt(now)).toBe(nextChangeAt(program, events, { now, subject: member }))
          })
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('agrees with evaluate() when events arrive in time order and the clock only moves forward (shared sweeps resume)', () => {
    fc.assert(
      fc.property(programs, members, eventStreams, fc.array(moments, { minLength: 1, maxLength: 30 }), (program, team, list, clock) => {
        const ordered = [...list].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp))
        const times = [...clock].sort()
        const history = AccountHistory.from('acme')
        const evaluators = team.map((member) => createIncrementalEvaluator(program, member, [], { account: history }))
        const applied: CairnEvent[] = []
        ordered.forEach((item, i) => {
          const now = times[Math.min(i, times.length - 1)] as string
          applied.push(item)
          // The actor's evaluator applies its own event; a teammate's reads it from the history.
          const actor = team.findIndex((member) => member.userId === item.userId)
          if (actor >= 0) evaluators[actor]!.apply(item, now)
          else history.add(item)
          team.forEach((member, who) => {
            expect(evaluators[who]!.progress(now)).toEqual(evaluate(program, concerning(member, applied), { now, subject: member }))
          })
        })
      }),
      { numRuns: RUNS },
    )
  })

  it('stores an account event once, whichever member applies it, and teammates count it', () => {
    const program: Program = {
      id: 'p',
      version: '1',
      title: 'P',
      milestones: [{ id: 'team', title: 'Team', category: 'adoption', unit: 'account', criterion: { kind: 'count', event: 'task', atLeast: 2 } }],
      levels: [],
      badges: [],
    }
    const member = (userId: string): Subject => ({ userId, accountId: 'acme', signedUpAt: '2026-03-01T00:00:00Z' })
    const history = AccountHistory.from('acme')
    const [ann, bob, cid] = ['ann', 'bob', 'cid'].map((userId) => createIncrementalEvaluator(program, member(userId), [], { account: history }))
    const task = (id: string, userId: string): CairnEvent => ({ id, name: 'task', userId, accountId: 'acme', timestamp: '2026-03-02T00:00:00Z' })
    expect(ann!.apply(task('t1', 'ann'), '2026-03-03T00:00:00Z').applied).toBe(true)
    // Bob applying Ann's event again changes nothing: the history already holds it.
    expect(bob!.apply(task('t1', 'ann'), '2026-03-03T00:00:00Z').applied).toBe(false)
    expect(history.size).toBe(1)
    bob!.apply(task('t2', 'bob'), '2026-03-03T00:00:00Z')
    expect(history.size).toBe(2)
    expect(cid!.progress('2026-03-03T00:00:00Z').milestones.team).toMatchObject({ state: 'achieved', current: 2 })
    // Nobody holds a copy of the account's events beside the history.
    expect([ann, bob, cid].map((evaluator) => evaluator!.ownEvents)).toEqual([0, 0, 0])
  })

  it('counts a team\'s active days in each member\'s own time zone, though the sweep is shared', () => {
    const program: Program = {
      id: 'p',
      version: '1',
      title: 'P',
      milestones: [{ id: 'days', title: 'Days', category: 'habit', unit: 'account', criterion: { kind: 'days', event: 'visit', atLeast: 2, within: { days: 7 } } }],
      levels: [],
      badges: [],
    }
    const team: Subject[] = [
      { userId: 'in', accountId: 'acme', signedUpAt: '2026-03-01T00:00:00Z', timeZone: 'Asia/Kolkata' },
      { userId: 'ny', accountId: 'acme', signedUpAt: '2026-03-01T00:00:00Z', timeZone: 'America/New_York' },
    ]
    // 03:00 and 10:00 UTC: one day in Kolkata (08:30, 15:30), two in New York (22:00 the day before, 05:00).
    const visits: CairnEvent[] = ['03', '10'].map((hour, i) => ({ id: `v${i}`, name: 'visit', userId: 'in', accountId: 'acme', timestamp: `2026-03-02T${hour}:00:00Z` }))
    const history = AccountHistory.from('acme')
    const evaluators = team.map((member) => createIncrementalEvaluator(program, member, [], { account: history }))
    const now = '2026-03-03T00:00:00Z'
    for (const visit of visits) {
      evaluators[0]!.apply(visit, now)
      team.forEach((member, who) => expect(evaluators[who]!.progress(now)).toEqual(evaluate(program, visits.slice(0, visits.indexOf(visit) + 1), { now, subject: member })))
    }
    expect(evaluators.map((evaluator) => evaluator.progress(now).milestones.days?.current)).toEqual([1, 2])
  })

  it('refuses a history of another account', () => {
    const history = AccountHistory.from('other')
    expect(() => createIncrementalEvaluator({ id: 'p', version: '1', title: 'P', milestones: [], levels: [], badges: [] }, { userId: 'u', accountId: 'acme', signedUpAt: '2026-03-01T00:00:00Z' }, [], { account: history })).toThrow(/other/)
  })
})
