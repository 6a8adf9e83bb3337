/** Arrays holding the same items by identity; for lists built from memoized views or plain ids. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => Object.is(item, b[index]))
}
