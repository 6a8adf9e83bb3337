import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { partitionPoint } from '../../src/core'

describe('partitionPoint', () => {
  it('counts the items ≤ x and finds the first ≥ x in a sorted list, as a linear scan would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 })), fc.integer({ min: -25, max: 25 }), (values, x) => {
        const sorted = values.sort((a, b) => a - b)
        expect(partitionPoint(sorted.length, (i) => sorted[i]! <= x)).toBe(sorted.filter((v) => v <= x).length)
        const firstAtLeast = sorted.findIndex((v) => v >= x)
        expect(partitionPoint(sorted.length, (i) => sorted[i]! < x)).toBe(firstAtLeast === -1 ? sorted.length : firstAtLeast)
      }),
    )
  })

  it('is 0 for an empty list', () => {
    expect(partitionPoint(0, () => true)).toBe(0)
  })
})
