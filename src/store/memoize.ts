// Stands in for null/undefined inputs, which cannot be WeakMap keys.
const ABSENT = {}

/**
 * Same input objects (by identity) → the same result object, remembered per input combination in nested
 * WeakMaps. `useSyncExternalStore` asks a selector for its snapshot again and again and treats a new object
 * as a change; keying by inputs (not "last call only") keeps that true when several stores, say two
 * providers on one page, call the same selector in turns. Entries go away with the snapshots they belong to.
 */
export function memoizeByInputs<A extends readonly (object | null | undefined)[], R>(compute: (...args: A) => R): (...args: A) => R {
  const root = new WeakMap<object, unknown>()
  return (...args) => {
    let node = root
    for (let i = 0; i < args.length - 1; i++) {
      const key = args[i] ?? ABSENT
      let child = node.get(key) as WeakMap<object, unknown> | undefined
      if (!child) {
        child = new WeakMap()
        node.set(key, child)
      }
      node = child
    }
    const last = args[args.length - 1] ?? ABSENT
    if (node.has(last)) return node.get(last) as R
    const result = compute(...args)
    node.set(last, result)
    return result
  }
}

/**
 * One selector per key, made on first use: `selectMilestone('first-project')` is the same function on
 * every render. Keys are program ids, so the cache stays program-sized.
 */
export function selectorFamily<K, S>(create: (key: K) => S): (key: K) => S {
  const cache = new Map<K, S>()
  return (key) => {
    let selector = cache.get(key)
    if (selector === undefined) {
      selector = create(key)
      cache.set(key, selector)
    }
    return selector
  }
}
