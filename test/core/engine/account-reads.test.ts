import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accountEventReader, evaluate, nextChangeAt, type CairnEvent, type Program } from '../../../src/core'
import { eventStreams, moments, programs, subjects } from './arbitraries'

const RUNS = 300

describe('which teammates an account event can change', () => {
  it('leaves a member\'s progress and next change untouched by a teammate\'s event of a name no account rule reads', () => {
    fc.assert(
      fc.property(
        programs,
        subjects,
        eventStreams,
        moments,
        fc.record({ name: fc.constantFrom('a', 'b', 'c'), hour: fc.integer({ min: 0, max: 40 * 24 }), id: fc.constantFrom('t1', 'e1', 'e2') }),
        (program: Program, subject, list, now, extra) => {
          const member = { ...subject, accountId: 'acme' }
          const reads = accountEventReader(program)
          fc.pre(!reads(extra.name))
          const teammates: CairnEvent = {
            id: extra.id,
            name: extra.name,
            userId: 'u2',
            accountId: 'acme',
            timestamp: new Date(Date.parse('2026-03-05T00:00:00Z') + extra.hour * 3_600_000).toISOString(),
          }
          // The member's events as the server hands them over: their own and their account's.
          const mine = list.filter((item) => item.userId === 'u1' || item.accountId === 'acme').filter((item) => item.id !== extra.id)
          const options = { now, subject: member }
          expect(evaluate(program, [...mine, teammates], options)).toEqual(evaluate(program, mine, options))
          expect(nextChangeAt(program, [...mine, teammates], options)).toBe(nextChangeAt(program, mine, options))
        },
      ),
      { numRuns: RUNS },
    )
  })

  it('reads every name of an account-unit milestone, variant, signal and suppression window, and nothing of user-unit rules', () => {
    const program: Program = {
      id: 'p',
      version: '1',
      title: 'P',
      milestones: [
        { id: 'mine', title: 'Mine', category: 'onboarding', criterion: { kind: 'count', event: 'solo', atLeast: 1 } },
        {
          id: 'team',
          title: 'Team',
          category: 'adoption',
          unit: 'account',
          criterion: { kind: 'all', of: [{ kind: 'distinct', event: 'seat', property: 'userId', atLeast: 3 }, { kind: 'count', event: 'task', atLeast: 5, within: { days: 7 } }] },
          variants: [
            { id: 'low', weight: 1, criterion: { kind: 'count', event: 'task', atLeast: 3 } },
            { id: 'other', weight: 1, criterion: { kind: 'count', event: 'comment', atLeast: 3 } },
          ],
        },
      ],
      levels: [],
      badges: [],
      signals: [
        { id: 'quiet', title: 'Quiet', unit: 'account', criterion: { kind: 'inactive', event: 'login', days: 14 } },
        { id: 'stuck', title: 'Stuck', unit: 'account', criterion: { kind: 'stalled', days: 14 } },
        { id: 'mine', title: 'Mine', criterion: { kind: 'inactive', event: 'solo', days: 3 } },
      ],
      suppress: { between: [{ start: 'case_opened', end: 'case_closed' }] },
    }
    const reads = accountEventReader(program)
    expect(['seat', 'task', 'comment', 'login', 'case_opened', 'case_closed'].filter(reads)).toHaveLength(6)
    expect(['solo', 'page_view'].filter(reads)).toEqual([])
    // An account signal on any event reads every name.
    const anyEvent = accountEventReader({ ...program, signals: [{ id: 'q', title: 'Q', unit: 'account', criterion: { kind: 'inactive', days: 14 } }] })
    expect(anyEvent('page_view')).toBe(true)
  })
})
