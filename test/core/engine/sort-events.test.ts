import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareEvents, sortEvents } from '../../../src/core/engine/sort-events'
import type { IndexedEvent } from '../../../src/core/engine/types'

const DAY_MS = 86_400_000
const indexed = (id: string, ms: number): IndexedEvent => ({
  id,
  name: 'task_added',
  userId: 'u1',
  accountId: undefined,
  ms,
  properties: undefined,
  source: { id, name: 'task_added', userId: 'u1', timestamp: new Date(ms).toISOString() },
})

// Times from a small pool (so many are equal and ids decide), spread over years and before 1970.
const times = fc.constantFrom(0, 1, DAY_MS, 40 * DAY_MS, 400 * DAY_MS, 3 * 365 * DAY_MS, -7 * DAY_MS, Date.parse('2026-12-02T10:00:00Z'))
const lists = fc
  .array(fc.tuple(fc.string({ minLength: 1, maxLength: 3 }), times), { maxLength: 400 })
  .map((pairs) => [...new Map(pairs).entries()].map(([id, ms]) => indexed(id, ms)))

describe('sortEvents (bulk-load order)', () => {
  it('orders like compareEvents: time, then id, for short and long lists in any order', () => {
    fc.assert(
      fc.property(lists, (list) => {
        const expected = [...list].sort(compareEvents).map((e) => e.id)
        expect(sortEvents([...list]).map((e) => e.id)).toEqual(expected)
      }),
      { numRuns: 200 },
    )
  })

  it('orders long lists like compareEvents, whether time and position pack into one exact number or need the radix sort', () => {
    // Unique ids whose order is unrelated to the position: a random number, then the position. Spread over a few
    // years, (time, position) fits 53 bits; with times thousands of years apart it does not, and the radix sort runs.
    const near = fc.constantFrom(0, 1, DAY_MS, 40 * DAY_MS, 400 * DAY_MS, 3 * 365 * DAY_MS, -7 * DAY_MS)
    const far = fc.constantFrom(0, 1, DAY_MS, -7 * DAY_MS, 1e14, 1e14 + 1, -1e14, -1e14 + 2047 * 2 ** 32, 5e15)
    for (const pool of [near, far]) {
      const longLists = fc
        .array(fc.tuple(pool, fc.nat({ max: 9999 })), { minLength: 4096, maxLength: 5000 })
        .map((pairs) => pairs.map(([ms, n], i) => indexed(`${n}-${i}`, ms)))
      fc.assert(
        fc.property(longLists, (list) => {
          const expected = [...list].sort(compareEvents).map((e) => e.id)
          expect(sortEvents([...list]).map((e) => e.id)).toEqual(expected)
        }),
        { numRuns: 10 },
      )
    }
  })

  it('returns a list already in order as it is, without copying', () => {
    const list = Array.from({ length: 100 }, (_, i) => indexed(`e${String(i).padStart(3, '0')}`, i * 1000))
    expect(sortEvents(list)).toBe(list)
  })

  it('orders events from the earliest to the latest moment a Date can hold', () => {
    const extremes = [8.64e15, -8.64e15, 0, ...Array.from({ length: 5000 }, (_, i) => (i - 2500) * 3e12)]
    const list = extremes.map((ms, i) => indexed(`e${i}`, ms)).reverse()
    expect(sortEvents([...list]).map((e) => e.ms)).toEqual([...extremes].sort((a, b) => a - b))
  })
})
