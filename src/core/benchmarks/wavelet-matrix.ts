/**
 * A static sequence of small non-negative integers answering, for any prefix `[0, end)`, "how many values are
 * below x" and "what is the r-th smallest value" in O(log σ) each, whatever the length (a wavelet matrix: one bit
 * vector per bit of the value, with rank counts per 32-bit word). Memory: about 2 bits per value per level.
 */
export class WaveletMatrix {
  /** Values in the sequence. */
  readonly length: number
  private readonly levels: number
  private readonly bits: Uint32Array[] = []
  /** Ones before each word, per level. */
  private readonly ranks: Uint32Array[] = []
  /** Zeros per level (where the ones start in the next level's order). */
  private readonly zeros: number[] = []

  /** `values` must be integers in [0, 2^31). */
  constructor(values: ArrayLike<number>) {
    this.length = values.length
    let max = 0
    for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!)
    this.levels = Math.max(1, 32 - Math.clz32(max))
    let current = Uint32Array.from(values)
    let next = new Uint32Array(this.length)
    const words = (this.length >> 5) + 1
    for (let level = 0; level < this.levels; level++) {
      const shift = this.levels - 1 - level
      const bits = new Uint32Array(words)
      const ranks = new Uint32Array(words + 1)
      let zeroCount = 0
      for (let i = 0; i < this.length; i++) {
        if ((current[i]! >>> shift) & 1) bits[i >> 5]! |= 1 << (i & 31)
        else zeroCount++
      }
      for (let w = 0; w < words; w++) ranks[w + 1] = ranks[w]! + popcount(bits[w]!)
      // Stable partition: zeros keep their order, then ones keep theirs.
      let z = 0
      let o = zeroCount
      for (let i = 0; i < this.length; i++) {
        const value = current[i]!
        if ((value >>> shift) & 1) next[o++] = value
        else next[z++] = value
      }
      ;[current, next] = [next, current]
      this.bits.push(bits)
      this.ranks.push(ranks)
      this.zeros.push(zeroCount)
    }
  }

  /** How many of the first `end` values are below `x`. */
  countLess(end: number, x: number): number {
    if (end <= 0 || x <= 0) return 0
    if (x >= 2 ** this.levels) return end
    let lo = 0
    let hi = end
    let count = 0
    for (let level = 0; level < this.levels; level++) {
      const lo1 = this.rank1(level, lo)
      const hi1 = this.rank1(level, hi)
      if ((x >>> (this.levels - 1 - level)) & 1) {
        count += hi - hi1 - (lo - lo1)
        lo = this.zeros[level]! + lo1
        hi = this.zeros[level]! + hi1
      } else {
        lo -= lo1
        hi -= hi1
      }
    }
    return count
  }

  /** The `rank`-th smallest (0-based) of the first `end` values; `rank` must be below `end`. */
  kthSmallest(end: number, rank: number): number {
    let lo = 0
    let hi = end
    let value = 0
    let r = rank
    for (let level = 0; level < this.levels; level++) {
      const lo1 = this.rank1(level, lo)
      const hi1 = this.rank1(level, hi)
      const zerosHere = hi - lo - (hi1 - lo1)
      if (r < zerosHere) {
        lo -= lo1
        hi -= hi1
      } else {
        r -= zerosHere
        value |= 1 << (this.levels - 1 - level)
        lo = this.zeros[level]! + lo1
        hi = this.zeros[level]! + hi1
      }
    }
    return value
  }

  /** The value at position `i` (below `length`). */
  access(i: number): number {
    let position = i
    let value = 0
    for (let level = 0; level < this.levels; level++) {
      const ones = this.rank1(level, position)
      if ((this.bits[level]![position >> 5]! >>> (position & 31)) & 1) {
        value |= 1 << (this.levels - 1 - level)
        position = this.zeros[level]! + ones
      } else position -= ones
    }
    return value
  }

  private rank1(level: number, i: number): number {
    const word = i >> 5
    const rest = i & 31
    const ranks = this.ranks[level]!
    return rest === 0 ? ranks[word]! : ranks[word]! + popcount(this.bits[level]![word]! & ((1 << rest) - 1))
  }
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}
