import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isoMemo, toIso } from '../../../src/core/engine/iso'

describe('isoMemo', () => {
  it('formats like toIso whatever the order and repetition of times (slots collide and are overwritten)', () => {
    // Whole seconds a few days apart repeat often and share low bits; 200 draws overfill 32 slots.
    const times = fc.array(fc.integer({ min: -5, max: 400_000 }).map((s) => Date.parse('2026-03-05T00:00:00Z') + s * 1000), { maxLength: 200 })
    fc.assert(
      fc.property(times, fc.array(fc.integer({ min: -8.64e15, max: 8.64e15 }), { maxLength: 20 }), (seconds, anywhere) => {
        const iso = isoMemo()
        for (const ms of [...seconds, ...anywhere, ...seconds]) expect(iso(ms)).toBe(toIso(ms))
      }),
    )
  })

  it('throws for a time a Date cannot hold, as toIso does', () => {
    const iso = isoMemo()
    expect(() => iso(Number.NaN)).toThrow(RangeError)
    expect(() => iso(Infinity)).toThrow(RangeError)
  })
})
