/** Values a leaf holds at most: large enough that a leaf costs little beyond its 8 bytes per value, small enough to shift fast. */
const DEFAULT_LEAF_SIZE = 512

/**
 * A multiset of numbers kept in order: add, remove, the k-th smallest, and how many values (and their sum) are at
 * most x. A two-level tree — sorted leaves of `Float64Array`s under one directory of their lengths and sums — so each
 * value costs 8–16 bytes instead of an object per node (≈ 100 bytes): the insights of a 100k cohort hold a million
 * values. Updates cost O(log n + leaf size) and reads O(n / leaf size + leaf size), microseconds at a million values.
 * What incrementally kept insights use for exact medians and for "members that signed up before t" without a scan.
 * Sums are exact while they are integers below 2^53 (callers keep keys small by storing offsets).
 */
export class OrderStatisticTree {
  /** Leaves in order (every value of a leaf ≤ every value of the next), each holding `lengths[i]` values, never 0. */
  private leaves: Float64Array[] = []
  private lengths: number[] = []
  private sums: number[] = []
  private held = 0

  /** @param leafSize values per leaf at most (a full leaf splits in two). @default 512 */
  constructor(private readonly leafSize = DEFAULT_LEAF_SIZE) {}

  /** A tree holding `values` (any order), built in O(n log n) for the sort plus O(n): much cheaper than n `add`s. */
  static from(values: readonly number[], leafSize = DEFAULT_LEAF_SIZE): OrderStatisticTree {
    const sorted = Float64Array.from(values).sort()
    const tree = new OrderStatisticTree(leafSize)
    for (let from = 0; from < sorted.length; from += leafSize) tree.pushLeaf(tree.leaves.length, sorted.slice(from, from + leafSize), Math.min(leafSize, sorted.length - from))
    tree.held = sorted.length
    return tree
  }

  /** Values held (copies counted). */
  get size(): number {
    return this.held
  }

  /** Adds one copy of `key` (a finite number). */
  add(key: number): void {
    if (this.leaves.length === 0) {
      this.pushLeaf(0, new Float64Array(Math.min(8, this.leafSize)), 0)
    }
    let leaf = Math.min(this.leafReaching(key, false), this.leaves.length - 1)
    if (this.lengths[leaf] === this.leafSize) {
      this.split(leaf)
      if (key > this.leaves[leaf]![this.lengths[leaf]! - 1]!) leaf++
    }
    const length = this.lengths[leaf]!
    let values = this.leaves[leaf]!
    if (length === values.length) {
      values = grown(values, Math.min(this.leafSize, values.length * 2))
      this.leaves[leaf] = values
    }
    const at = countBelow(values, length, key, false)
    values.copyWithin(at + 1, at, length)
    values[at] = key
    this.lengths[leaf] = length + 1
    this.sums[leaf]! += key
    this.held++
  }

  /** Removes one copy of `key`; false when none is held. */
  remove(key: number): boolean {
    const leaf = this.leafReaching(key, false)
    if (leaf === this.leaves.length) return false
    const values = this.leaves[leaf]!
    const length = this.lengths[leaf]!
    const at = countBelow(values, length, key, false)
    if (values[at] !== key) return false
    values.copyWithin(at, at + 1, length)
    this.lengths[leaf] = length - 1
    this.sums[leaf]! -= key
    this.held--
    if (length - 1 === 0) this.dropLeaf(leaf)
    else if (length - 1 < this.leafSize / 4) this.mergeSmall(leaf)
    return true
  }

  /** The `index`-th smallest value (0-based, copies counted); undefined outside [0, size). */
  at(index: number): number | undefined {
    if (index < 0 || index >= this.held) return undefined
    let rest = index
    for (let leaf = 0; ; leaf++) {
      if (rest < this.lengths[leaf]!) return this.leaves[leaf]![rest]
      rest -= this.lengths[leaf]!
    }
  }

  /** How many values are ≤ `bound`, and their sum. */
  atMost(bound: number): { count: number; sum: number } {
    const last = this.leafReaching(bound, true)
    let count = 0
    let sum = 0
    for (let leaf = 0; leaf < last; leaf++) {
      count += this.lengths[leaf]!
      sum += this.sums[leaf]!
    }
    if (last < this.leaves.length) {
      const values = this.leaves[last]!
      const within = countBelow(values, this.lengths[last]!, bound, true)
      for (let i = 0; i < within; i++) sum += values[i]!
      count += within
    }
    return { count, sum }
  }

  /** The median as `median()` in core computes it (mean of the middle two for an even count); undefined when empty. */
  median(): number | undefined {
    const n = this.held
    if (n === 0) return undefined
    const mid = n >> 1
    return n % 2 === 1 ? this.at(mid) : (this.at(mid - 1)! + this.at(mid)!) / 2
  }

  /** The first leaf whose last value is ≥ `key` (with `above`, > `key`); the leaf count when there is none. */
  private leafReaching(key: number, above: boolean): number {
    let lo = 0
    let hi = this.leaves.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const last = this.leaves[mid]![this.lengths[mid]! - 1]!
      if (last < key || (above && last === key)) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private pushLeaf(at: number, values: Float64Array, length: number): void {
    let sum = 0
    for (let i = 0; i < length; i++) sum += values[i]!
    this.leaves.splice(at, 0, values)
    this.lengths.splice(at, 0, length)
    this.sums.splice(at, 0, sum)
  }

  private dropLeaf(leaf: number): void {
    this.leaves.splice(leaf, 1)
    this.lengths.splice(leaf, 1)
    this.sums.splice(leaf, 1)
  }

  /** Splits a full leaf into two halves, each with room to grow. */
  private split(leaf: number): void {
    const values = this.leaves[leaf]!
    const half = this.lengths[leaf]! >> 1
    const upper = new Float64Array(this.leafSize)
    upper.set(values.subarray(half, this.lengths[leaf]))
    const upperLength = this.lengths[leaf]! - half
    this.dropLeaf(leaf)
    this.pushLeaf(leaf, values, half)
    this.pushLeaf(leaf + 1, upper, upperLength)
  }

  /**
   * Folds a leaf that removals left small into a neighbour when both fit in half a leaf, so reads never walk many
   * near-empty leaves (a small leaf only stays beside large ones).
   */
  private mergeSmall(leaf: number): void {
    for (const left of [leaf - 1, leaf]) {
      const right = left + 1
      if (left < 0 || right >= this.leaves.length) continue
      const merged = this.lengths[left]! + this.lengths[right]!
      if (merged > this.leafSize / 2) continue
      const values = grown(this.leaves[left]!, merged)
      values.set(this.leaves[right]!.subarray(0, this.lengths[right]), this.lengths[left])
      this.dropLeaf(right)
      this.dropLeaf(left)
      this.pushLeaf(left, values, merged)
      return
    }
  }
}

/** `values` copied into a larger array (or itself when it is large enough). */
function grown(values: Float64Array, capacity: number): Float64Array {
  if (values.length >= capacity) return values
  const next = new Float64Array(capacity)
  next.set(values)
  return next
}

/** Values below `key` (with `orEqual`, at most `key`) among the first `length` of ascending `values`. */
function countBelow(values: Float64Array, length: number, key: number, orEqual: boolean): number {
  let lo = 0
  let hi = length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (values[mid]! < key || (orEqual && values[mid] === key)) lo = mid + 1
    else hi = mid
  }
  return lo
}
