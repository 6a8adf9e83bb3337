import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateUsageDrop } from '../../../src/core/engine/signals/usage-drop'
import { DAY_MS, type IndexedEvent } from '../../../src/core/engine/types'

const HOUR_MS = 3_600_000
const eventAt = (ms: number, i: number): IndexedEvent => {
  const source = { id: `e${i}`, name: 'a', userId: 'u1', timestamp: new Date(ms).toISOString() }
  return { id: source.id, name: 'a', userId: 'u1', accountId: undefined, ms, properties: undefined, source }
}

/** The definition, point by point: both windows counted afresh at every change point after `now`, in order. */
function referenceNextChange(times: readonly number[], days: number, minBefore: number, dropPercent: number, now: number): number {
  const span = days * DAY_MS
  const countIn = (from: number, to: number) => times.filter((t) => t > from && t <= to).length
  const activeAt = (t: number) => {
    const before = countIn(t - 2 * span, t - span)
    return before >= minBefore && countIn(t - span, t) * 100 <= before * (100 - dropPercent)
  }
  const points = times.flatMap((t) => [t, t + span, t + 2 * span]).filter((p) => p > now).sort((a, b) => a - b)
  return points.find((p) => activeAt(p) !== activeAt(now)) ?? Infinity
}

describe('usage_drop next change', () => {
  it('is the first later change point where the state flips, for one list or several', () => {
    // Hours over 10 days, often equal, so events entering, moving and leaving meet at one point.
    const hours = fc.array(fc.integer({ min: 0, max: 240 }), { maxLength: 40 })
    fc.assert(
      fc.property(
        fc.array(hours, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(1, 30, 50, 60, 100),
        fc.integer({ min: 0, max: 300 }),
        (lists, days, minBefore, dropPercent, nowHour) => {
          let id = 0
          const sorted = lists.map((list) => [...list].sort((a, b) => a - b).map((hour) => eventAt(hour * HOUR_MS, id++)))
          const now = nowHour * HOUR_MS
          const outcome = evaluateUsageDrop({ kind: 'usage_drop', days, dropPercent, minBefore }, sorted, now)
          const times = sorted.flat().map((event) => event.ms)
          expect(outcome.nextChange).toBe(referenceNextChange(times, days, minBefore, dropPercent, now))
        },
      ),
      { numRuns: 500 },
    )
  })
})
