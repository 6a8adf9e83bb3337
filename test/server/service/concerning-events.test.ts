import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CairnEvent, Subject } from '../../../src/core'
import { concerns, eventsConcerning } from '../../../src/server/service/concerning-events'

describe('eventsConcerning', () => {
  it("gives each subject exactly the events a filter by `concerns` gives, in the same order, each once", () => {
    const userId = fc.constantFrom('u1', 'u2', 'u3', 'u4')
    const accountId = fc.option(fc.constantFrom('a1', 'a2'), { nil: undefined })
    fc.assert(
      fc.property(
        fc.array(fc.record({ userId, accountId }), { maxLength: 40 }),
        fc.array(fc.record({ userId, accountId }), { minLength: 1, maxLength: 6 }),
        (drawn, subjectsDrawn) => {
          const events: CairnEvent[] = drawn.map((d, i) => ({
            id: `e${i}`, name: 'x', userId: d.userId, timestamp: '2026-03-01T00:00:00.000Z', ...(d.accountId !== undefined && { accountId: d.accountId }),
          }))
          const concerning = eventsConcerning(events)
          for (const d of subjectsDrawn) {
            const subject: Subject = { userId: d.userId, signedUpAt: '2026-03-01T00:00:00.000Z', ...(d.accountId !== undefined && { accountId: d.accountId }) }
            expect(concerning(subject)).toEqual(events.filter((event) => concerns(event, subject)))
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
