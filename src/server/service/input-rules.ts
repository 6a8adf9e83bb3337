// The server's edge rules for text, times and sizes, applied to everything that reaches storage: events,
// subject bodies, token claims and ids in paths. The core schemas say what a value *is*; these say what the
// database can hold and what a sane sender sends, so one bad value is refused alone instead of failing a batch.
import type { ValidationError } from '../../core'

/** Ids (event, user, account, celebration) are opaque but bounded. */
export const MAX_ID_LENGTH = 200
/** Properties of one event, and traits of one subject: enough for any real segment or filter. */
export const MAX_ENTRIES = 50
/** A property or trait name. */
export const MAX_KEY_LENGTH = 100
/** A string property or trait value: a label, a plan, a feature name — never a document. */
export const MAX_VALUE_LENGTH = 1000
/** IANA zone names are short (`America/Argentina/ComodRivadavia` is among the longest). */
export const MAX_TIME_ZONE_LENGTH = 64
/** Earliest time accepted anywhere: nothing a product measures happened before the Unix epoch. */
export const EARLIEST_TIME_MS = Date.UTC(1970, 0, 1)
/** Latest time accepted anywhere: four-digit years keep every stored timestamp in plain ISO 8601. */
export const LATEST_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/** `String.prototype.isWellFormed` (Node 20; the project's TypeScript lib is ES2023, which predates it). */
type WellFormedString = string & { isWellFormed(): boolean }

/** Why a string cannot be stored, or undefined when it can (Postgres text refuses NUL and lone surrogates). */
export function textProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'must not contain NUL characters'
  if (!(value as WellFormedString).isWellFormed()) return 'must be well-formed Unicode text (it contains an unpaired surrogate)'
  return undefined
}

/**
 * The first unstorable string, anywhere in a parsed JSON value (keys included), or a `__proto__` key (which
 * object spreading would silently drop or turn into a prototype). Run on raw input, before schemas copy it.
 */
export function findUnsafeText(value: unknown, path = ''): ValidationError | undefined {
  if (typeof value === 'string') {
    const problem = textProblem(value)
    return problem === undefined ? undefined : { path, message: problem }
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], `${path}[${i}]`)
      if (found) return found
    }
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  for (const key of Object.keys(value)) {
    const at = path === '' ? key : `${path}.${key}`
    if (key === '__proto__') return { path: at, message: 'uses the reserved key "__proto__"' }
    const problem = textProblem(key)
    if (problem !== undefined) return { path: at, message: `key ${problem}` }
    const found = findUnsafeText((value as Record<string, unknown>)[key], at)
    if (found) return found
  }
  return undefined
}

// RFC 3339 `date-time`: full date, `T`, full time with seconds, optional fraction, and a mandatory offset.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/

/** The instant an RFC 3339 timestamp names, or a reason it is refused (never a guess: "1" is not a date). */
export function parseTimestamp(value: string): { ms: number } | { problem: string } {
  const m = RFC3339.exec(value)
  if (!m) return { problem: 'must be an RFC 3339 timestamp such as 2026-03-10T12:00:00Z' }
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() // month is 1-based: day 0 of the next month
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const lastDay = month === 2 ? (leap ? 29 : 28) : daysInMonth
  if (month < 1 || month > 12 || day < 1 || day > lastDay) return { problem: 'is not a real calendar date' }
  if (hour > 23 || minute > 59 || second > 59) return { problem: 'is not a real time of day' }
  if (m[9] !== undefined && (Number(m[10]) > 23 || Number(m[11]) > 59)) return { problem: 'has an impossible UTC offset' }
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) return { problem: 'must be an RFC 3339 timestamp such as 2026-03-10T12:00:00Z' }
  if (ms < EARLIEST_TIME_MS || ms > LATEST_TIME_MS) return { problem: 'must lie between 1970-01-01 and 9999-12-31' }
  return { ms }
}

/** Size limits of a properties or traits record: entry count, key length, string value length. */
export function recordProblem(record: Record<string, unknown> | undefined, path: string): ValidationError | undefined {
  if (record === undefined) return undefined
  const keys = Object.keys(record)
  if (keys.length > MAX_ENTRIES) return { path, message: `must have at most ${MAX_ENTRIES} entries` }
  for (const key of keys) {
    if (key.length > MAX_KEY_LENGTH) return { path: `${path}.${key.slice(0, 40)}…`, message: `names must be at most ${MAX_KEY_LENGTH} characters` }
    const value = record[key]
    if (typeof value === 'string' && value.length > MAX_VALUE_LENGTH) {
      return { path: `${path}.${key}`, message: `must be at most ${MAX_VALUE_LENGTH} characters` }
    }
  }
  return undefined
}

/** An id taken from a URL path: the same text rules as ids in bodies. */
export function idProblem(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty'
  if (value.length > MAX_ID_LENGTH) return `must be at most ${MAX_ID_LENGTH} characters`
  return textProblem(value)
}

/** `path: message`, or just the message at the root. */
export function describeProblem(problem: ValidationError): string {
  return problem.path ? `${problem.path} ${problem.message}` : problem.message
}
