/**
 * Binary search over a list whose items satisfy `isBefore` for a prefix and not after it: the length of that
 * prefix, in O(log n). With `(i) => sorted[i] <= x` it counts the items ≤ x; with `<`, it finds the first ≥ x.
 */
export function partitionPoint(length: number, isBefore: (index: number) => boolean): number {
  let lo = 0
  let hi = length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (isBefore(mid)) lo = mid + 1
    else hi = mid
  }
  return lo
}
