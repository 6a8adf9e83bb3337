import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { median, OrderStatisticTree } from '../../src/core'

describe('OrderStatisticTree', () => {
  // Leaves of 4 and 8 split, grow and merge within these sequences (sizes up to the maximum, so leaves fill and empty);
  // 512, the default, holds these sets in one leaf.
  it.each([4, 8, 512])('answers k-th smallest, median, size and count/sum at most a bound as a sorted copy would, built in bulk and through adds and removes (leaves of %s)', (leafSize) => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -20, max: 20 })), { maxLength: 200, size: 'max' }),
        fc.integer({ min: -22, max: 22 }),
        fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 60, size: 'max' }),
        (operations, bound, initial) => {
          // Built in bulk from `initial` (any order, duplicates), then changed one value at a time.
          const tree = OrderStatisticTree.from(initial, leafSize)
          const held: number[] = [...initial]
          for (const [adding, value] of operations) {
            if (adding) {
              tree.add(value)
              held.push(value)
            } else {
              const at = held.indexOf(value)
              expect(tree.remove(value)).toBe(at >= 0)
              if (at >= 0) held.splice(at, 1)
            }
            const sorted = [...held].sort((a, b) => a - b)
            expect(tree.size).toBe(sorted.length)
            expect(tree.median()).toBe(median(sorted))
            const below = sorted.filter((v) => v <= bound)
            expect(tree.atMost(bound)).toEqual({ count: below.length, sum: below.reduce((sum, v) => sum + v, 0) })
          }
          const sorted = [...held].sort((a, b) => a - b)
          for (let i = -1; i <= sorted.length; i++) expect(tree.at(i)).toBe(sorted[i])
        },
      ),
      { numRuns: 200 },
    )
  })
})
