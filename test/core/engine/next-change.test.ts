import { describe, expect, it } from 'vitest'
import { createIncrementalEvaluator, nextChangeAt, type Program } from '../../../src/core'
import { at, event, milestone, program, single, subject } from './fixtures'

describe('nextChangeAt', () => {
  it('is undefined when nothing changes without new events', () => {
    expect(nextChangeAt(single({ kind: 'count', event: 'a', atLeast: 3 }), [], { now: at(1), subject: subject() })).toBeUndefined()
  })

  it('names the moment an inactivity signal comes due, and moves with the last event', () => {
    const quiet: Program = { ...single({ kind: 'count', event: 'a', atLeast: 3 }), signals: [{ id: 'quiet', title: 'Quiet', criterion: { kind: 'inactive', days: 14 } }] }
    expect(nextChangeAt(quiet, [], { now: at(1), subject: subject() })).toBe(at(14))
    expect(nextChangeAt(quiet, [event('a', at(5))], { now: at(6), subject: subject() })).toBe(at(19))
    // Once active it stays so until an event arrives.
    expect(nextChangeAt(quiet, [event('a', at(5))], { now: at(20), subject: subject() })).toBeUndefined()
  })

  it('names the moment a remembered return lapses, 24 h after the event that ended the quiet spell', () => {
    const quiet: Program = { ...single({ kind: 'count', event: 'a', atLeast: 3 }), signals: [{ id: 'quiet', title: 'Quiet', criterion: { kind: 'inactive', days: 14 } }] }
    const back = [event('a', at(20, 6))]
    expect(nextChangeAt(quiet, back, { now: at(20, 7), subject: subject() })).toBe(at(21, 6))
    // After it lapses the next change is the next quiet spell.
    expect(nextChangeAt(quiet, back, { now: at(21, 6), subject: subject() })).toBe(at(34, 6))
  })

  it('names the next whole tenure day and the moment after a deadline', () => {
    expect(nextChangeAt(single({ kind: 'tenure', days: 30 }), [], { now: at(2, 5), subject: subject() })).toBe(at(3))
    const due = single({ kind: 'count', event: 'a', atLeast: 3 }, { deadline: { days: 7 } })
    expect(nextChangeAt(due, [], { now: at(2), subject: subject() })).toBe(new Date(Date.parse(at(7)) + 1).toISOString())
  })

  it('names the moment a windowed event leaves its window', () => {
    const weekly = single({ kind: 'count', event: 'a', atLeast: 3, within: { days: 7 } })
    expect(nextChangeAt(weekly, [event('a', at(2))], { now: at(3), subject: subject() })).toBe(at(9))
  })

  it('agrees between evaluate and the incremental evaluator', () => {
    const p: Program = {
      ...program([milestone('m', { kind: 'count', event: 'a', atLeast: 3, within: { days: 7 } })]),
      signals: [{ id: 'quiet', title: 'Quiet', criterion: { kind: 'inactive', days: 3 } }],
    }
    const list = [event('a', at(1)), event('a', at(2))]
    const evaluator = createIncrementalEvaluator(p, subject(), list)
    expect(evaluator.nextChangeAt(at(2))).toBe(nextChangeAt(p, list, { now: at(2), subject: subject() }))
    expect(evaluator.nextChangeAt(at(2))).toBe(at(5))
  })
})
