import { describe, expect, it } from 'vitest'
import { evaluate, type CairnEvent, type Program, type Subject } from '../../../src/core'
import type { Queryable } from '../../../src/server/storage'
import { createEvaluatorCache } from '../../../src/server/service/evaluator-cache'

const NOW = new Date('2026-03-10T12:00:00.000Z')
const program: Program = {
  id: 'p',
  version: '1',
  title: 'P',
  milestones: [{ id: 'team', title: 'Team', category: 'adoption', unit: 'account', criterion: { kind: 'count', event: 'task', atLeast: 100 } }],
  levels: [],
  badges: [],
}
const TEAM = ['ann', 'bob', 'cid']
const member = (userId: string): Subject => ({ userId, accountId: 'acme', signedUpAt: '2026-03-01T00:00:00.000Z' })
const task = (i: number): CairnEvent => ({ id: `t${i}`, name: 'task', userId: TEAM[i % 3]!, accountId: 'acme', timestamp: new Date(NOW.getTime() - (i + 1) * 60_000).toISOString() })
const history = Array.from({ length: 30 }, (_, i) => task(i))
/** Every test hands over each member's events (own and account's) with the read, so nothing else may be queried. */
const noReads: Queryable = {
  query: () => Promise.reject(new Error('the cache read storage although every cold member came with its events')),
}

/** Builds (or reuses) the three members' evaluators and keeps them warm at version 1. */
async function warmUp(cache: ReturnType<typeof createEvaluatorCache>) {
  const subjects = TEAM.map((userId) => ({ subject: member(userId), version: 1 }))
  const evaluators = await cache.evaluatorsFor(noReads, program, subjects, () => program, new Map(TEAM.map((userId) => [userId, history])))
  for (const { subject } of subjects) {
    const { evaluator, history: shared } = evaluators.get(subject.userId)!
    cache.keep(subject, evaluator, 1, program, shared)
  }
  return evaluators
}

describe('evaluator cache with shared account histories', () => {
  it("counts an account's events once, not once per member: three members of 30 events fit in a budget of 40", async () => {
    const cache = createEvaluatorCache({ entries: 100, events: 40 })
    const evaluators = await warmUp(cache)
    expect(new Set([...evaluators.values()].map((warm) => warm.history)).size).toBe(1)
    expect(TEAM.map((userId) => cache.warmVersion(userId, program))).toEqual([1, 1, 1])
    for (const userId of TEAM) {
      expect(evaluators.get(userId)!.evaluator.progress(NOW)).toEqual(evaluate(program, history, { now: NOW, subject: member(userId) }))
    }
  })

  it('stores a new account event once, and every warm member counts it', async () => {
    const cache = createEvaluatorCache({ entries: 100, events: 1_000 })
    await warmUp(cache)
    const next = task(30)
    expect(cache.storeOnce([next], [])).toEqual(new Set(['acme']))
    const again = await warmUp(cache)
    for (const userId of TEAM) {
      expect(again.get(userId)!.fresh).toBe(false)
      expect(again.get(userId)!.evaluator.progress(NOW).milestones.team?.current).toBe(31)
    }
  })

  it('forgets every member reading a history it drops (a rolled-back recompute) or evicts', async () => {
    const cache = createEvaluatorCache({ entries: 100, events: 1_000 })
    await warmUp(cache)
    cache.forget([], ['acme'])
    expect(TEAM.map((userId) => cache.warmVersion(userId, program))).toEqual([undefined, undefined, undefined])

    const small = createEvaluatorCache({ entries: 100, events: 40 })
    await warmUp(small)
    // Another account's history needs the room: the least recently used one goes, and its members with it.
    const other = { userId: 'zed', accountId: 'other', signedUpAt: '2026-03-01T00:00:00.000Z' }
    const theirs = history.map((event) => ({ ...event, id: `o-${event.id}`, userId: 'zed', accountId: 'other' }))
    const built = await small.evaluatorsFor(noReads, program, [{ subject: other, version: 1 }], () => program, new Map([['zed', theirs]]))
    small.keep(other, built.get('zed')!.evaluator, 1, program, built.get('zed')!.history)
    expect(TEAM.map((userId) => small.warmVersion(userId, program))).toEqual([undefined, undefined, undefined])
    expect(small.warmVersion('zed', program)).toBe(1)
  })
})
