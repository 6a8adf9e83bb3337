import { describe, expect, it } from 'vitest'
import { evaluate, type Criterion, type Milestone } from '../../../src/core'
import { at, event, milestone, program, subject } from './fixtures'

const one = (name: string): Criterion => ({ kind: 'count', event: name, atLeast: 1 })

function leveled(extra: Partial<Record<'a' | 'b' | 'c', Partial<Milestone>>> = {}) {
  return program(
    [milestone('a', one('a_done'), extra.a), milestone('b', one('b_done'), extra.b), milestone('c', one('c_done'), extra.c)],
    [
      { id: 'first', title: 'First', milestones: ['a', 'b'], unlocks: { badge: 'starter', features: ['templates'] } },
      { id: 'second', title: 'Second', milestones: ['c'], unlocks: { badge: 'pro', features: ['advanced', 'templates'] } },
    ],
    [
      { id: 'starter', title: 'Starter' },
      { id: 'pro', title: 'Pro' },
      { id: 'helper', title: 'Helper' },
    ],
  )
}
const now = at(30)

describe('levels', () => {
  it('makes the first level active and later ones locked, with completed and total counts', () => {
    const result = evaluate(leveled(), [event('a_done', at(1))], { now, subject: subject() })
    expect(result.levels).toEqual([
      { id: 'first', state: 'active', completed: 1, total: 2 },
      { id: 'second', state: 'locked', completed: 0, total: 1 },
    ])
  })

  it('completes a level when all its milestones are achieved and unlocks the next', () => {
    const result = evaluate(leveled(), [event('a_done', at(1)), event('b_done', at(2))], { now, subject: subject() })
    expect(result.levels.map((level) => level.state)).toEqual(['complete', 'active'])
    expect(result.unlockedFeatures).toEqual(['templates'])
  })

  it('does not complete a level before the level ahead of it, and dates its badge at the moment both held', () => {
    const list = [event('c_done', at(1)), event('a_done', at(2)), event('b_done', at(5))]
    const result = evaluate(leveled(), list, { now, subject: subject() })
    expect(result.levels.map((level) => level.state)).toEqual(['complete', 'complete'])
    expect(result.badges).toEqual([
      { id: 'starter', earnedAt: at(5) },
      { id: 'pro', earnedAt: at(5) },
    ])
    expect(result.unlockedFeatures).toEqual(['templates', 'advanced'])
  })

  it('takes a missed milestone out of the level total so it never blocks later levels', () => {
    const p = leveled({ b: { deadline: { days: 3 } } })
    const result = evaluate(p, [event('a_done', at(1))], { now: at(4), subject: subject() })
    expect(result.milestones.b?.state).toBe('missed')
    expect(result.levels[0]).toEqual({ id: 'first', state: 'complete', completed: 1, total: 1 })
    expect(result.levels[1]?.state).toBe('active')
    expect(result.badges).toEqual([{ id: 'starter', earnedAt: at(3) }])
  })

  it('counts a late catch-up again without moving the badge already earned', () => {
    const p = leveled({ b: { deadline: { days: 3 } } })
    const result = evaluate(p, [event('a_done', at(1)), event('b_done', at(6))], { now, subject: subject() })
    expect(result.levels[0]).toEqual({ id: 'first', state: 'complete', completed: 2, total: 2 })
    expect(result.badges).toEqual([{ id: 'starter', earnedAt: at(3) }])
  })

  it('leaves ineligible milestones out of totals', () => {
    const p = leveled({ b: { eligibility: { traits: { plan: ['business'] } } } })
    const result = evaluate(p, [], { now, subject: subject({ traits: { plan: 'free' } }) })
    expect(result.levels[0]).toEqual({ id: 'first', state: 'active', completed: 0, total: 1 })
  })

  it('completes a level with nothing eligible (the first at signup)', () => {
    const p = leveled({ a: { eligibility: { requiresConsent: true } }, b: { eligibility: { requiresConsent: true } } })
    const result = evaluate(p, [], { now, subject: subject() })
    expect(result.levels[0]).toEqual({ id: 'first', state: 'complete', completed: 0, total: 0 })
    expect(result.levels[1]?.state).toBe('active')
    expect(result.badges).toEqual([{ id: 'starter', earnedAt: at(0) }])
  })

  it('keeps an empty level locked while the level before it is incomplete', () => {
    const p = program([milestone('a', one('a_done'))], [
      { id: 'first', title: 'First', milestones: ['a'] },
      { id: 'empty', title: 'Empty', milestones: [] },
    ])
    expect(evaluate(p, [], { now, subject: subject() }).levels[1]).toEqual({ id: 'empty', state: 'locked', completed: 0, total: 0 })
  })
})

describe('badges', () => {
  it('awards a milestone’s own badge at its achievedAt, oldest badge first', () => {
    const p = leveled({ c: { badge: 'helper' } })
    const result = evaluate(p, [event('c_done', at(1)), event('a_done', at(2)), event('b_done', at(3))], { now, subject: subject() })
    expect(result.badges).toEqual([
      { id: 'helper', earnedAt: at(1) },
      { id: 'starter', earnedAt: at(3) },
      { id: 'pro', earnedAt: at(3) },
    ])
  })

  it('awards nothing for an ineligible milestone', () => {
    const p = leveled({ c: { badge: 'helper', eligibility: { requiresConsent: true } } })
    expect(evaluate(p, [event('c_done', at(1))], { now, subject: subject() }).badges).toEqual([])
  })
})
