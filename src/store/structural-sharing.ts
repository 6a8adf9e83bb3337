/**
 * Returns `next`, but with every subtree that deep-equals the matching subtree of `prev` replaced by `prev`'s
 * object (the whole of `prev` when nothing changed). A progress update that moves one milestone therefore
 * keeps every other milestone's object, and components subscribed to those stay asleep.
 */
export function replaceEqualDeep<T>(prev: unknown, next: T): T {
  if (Object.is(prev, next)) return prev as T
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length
    const shared = next.map((item: unknown, i) => {
      const kept = replaceEqualDeep(prev[i], item)
      if (kept !== prev[i]) same = false
      return kept
    })
    return (same ? prev : shared) as T
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const prevKeys = Object.keys(prev)
    const nextKeys = Object.keys(next)
    let same = prevKeys.length === nextKeys.length
    const shared: Record<string, unknown> = {}
    for (const key of nextKeys) {
      const kept = replaceEqualDeep(prev[key], next[key])
      if (kept !== prev[key] || !Object.hasOwn(prev, key)) same = false
      shared[key] = kept
    }
    return (same ? prev : shared) as T
  }
  return next
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}
