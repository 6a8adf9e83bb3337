import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CairnEvent } from '../../../src/core'
import { eventsByOwner } from '../../../src/server/service/concerning-events'

describe('eventsByOwner', () => {
  it('gives each user and each account exactly the events a filter gives, in the same order', () => {
    const userId = fc.constantFrom('u1', 'u2', 'u3', 'u4')
    const accountId = fc.option(fc.constantFrom('a1', 'a2'), { nil: undefined })
    fc.assert(
      fc.property(fc.array(fc.record({ userId, accountId }), { maxLength: 40 }), (drawn) => {
        const events: CairnEvent[] = drawn.map((d, i) => ({
          id: `e${i}`, name: 'x', userId: d.userId, timestamp: '2026-03-01T00:00:00.000Z', ...(d.accountId !== undefined && { accountId: d.accountId }),
        }))
        const owners = eventsByOwner(events)
        for (const user of ['u1', 'u2', 'u3', 'u4', 'nobody']) expect(owners.ofUser(user)).toEqual(events.filter((event) => event.userId === user))
        for (const account of ['a1', 'a2', 'none']) expect(owners.ofAccount(account)).toEqual(events.filter((event) => event.accountId === account))
      }),
      { numRuns: 300 },
    )
  })
})
