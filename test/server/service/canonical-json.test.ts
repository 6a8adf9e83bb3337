import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson, sameJson } from '../../../src/server/service/canonical-json'

/**
 * JSON-like values with keys that may hold `undefined` and arrays that may hold it (both as JSON.stringify treats them).
 * No `__proto__` key: `canonicalJson` loses it (assigning it sets a prototype); validation refuses it in any input.
 */
const loose = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, 1, -1, 0.5, '', 'a', 'b', '1'),
    fc.array(fc.oneof(tie('value'), fc.constant(undefined)), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'constructor', 'toString'), fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 3 }),
  ),
})).value

/** The same value with every object's keys in reverse order (jsonb hands stored objects back in another order). */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).reverse()) Object.defineProperty(out, key, { value: reordered((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true })
  return out
}

describe('sameJson', () => {
  it('agrees with comparing canonical JSON, for equal and different values', () => {
    fc.assert(
      fc.property(loose, loose, (a, b) => {
        expect(sameJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b))
      }),
      { numRuns: 2000 },
    )
  })

  it('finds a value equal to itself with keys reordered and to its JSON round trip', () => {
    fc.assert(
      fc.property(loose, (a) => {
        expect(sameJson(a, reordered(a))).toBe(true)
        expect(sameJson(JSON.parse(JSON.stringify(a) ?? 'null'), a ?? null)).toBe(true)
      }),
    )
  })

  it('tells apart values that differ only deep inside, in an array item or in a missing key', () => {
    expect(sameJson({ a: [{ b: 1 }] }, { a: [{ b: 2 }] })).toBe(false)
    expect(sameJson({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false)
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true)
    expect(sameJson({ a: 1 }, { a: 1, c: null })).toBe(false)
    expect(sameJson([undefined], [null])).toBe(true)
    expect(sameJson([], {})).toBe(false)
  })
})
