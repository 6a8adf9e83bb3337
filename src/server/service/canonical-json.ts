/** JSON with object keys sorted at every depth: equal values give equal strings whatever the key order (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(record).sort()) {
    if (record[key] !== undefined) sorted[key] = sortKeys(record[key])
  }
  return sorted
}

/**
 * Whether two JSON values are equal the way `canonicalJson` would find them equal — key order and keys holding
 * `undefined` ignored, an `undefined` array item taken as `null` — without building either string: comparing a
 * stored snapshot with a fresh one this way stops at the first difference and allocates nothing.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false
    return true
  }
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  let defined = 0
  for (const key of Object.keys(left)) {
    if (left[key] === undefined) continue
    defined++
    if (!Object.hasOwn(right, key) || !sameJson(left[key], right[key])) return false
  }
  for (const key of Object.keys(right)) if (right[key] !== undefined) defined--
  return defined === 0
}
