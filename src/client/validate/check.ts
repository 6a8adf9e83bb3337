import { CairnError, type CairnErrorCode } from '../source'

// Hand-rolled checks (≈ 2 KB gzip for every response shape) instead of zod (≈ 30 KB minified) keep the
// widget's first load small.
// A check returns the value it was given (unknown extra keys pass, so an older widget keeps working
// against a newer API) or throws at the first wrong spot with a readable path: `levels[0].state`.

/** Validates `value` found at `path` and returns it typed, or throws `ShapeError`. */
export type Check<T> = (value: unknown, path: string) => T

declare const OPTIONAL: unique symbol
/** A check whose key may be absent from its object (type-level mark only; nothing at runtime). */
export type OptionalCheck<T> = Check<T | undefined> & { readonly [OPTIONAL]: true }

type Shape = Record<string, Check<unknown>>
type Checked<C> = C extends Check<infer T> ? T : never
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalCheck<unknown> ? K : never }[keyof S]
/** The object type a shape of checks describes, optional keys included. */
export type Infer<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: Checked<S[K]> } & {
  [K in OptionalKeys<S>]?: Exclude<Checked<S[K]>, undefined>
}

/** The first problem found: where (`milestones.first-project.state`) and what was expected there. */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message)
  }
}

const fail = (path: string, message: string): never => {
  throw new ShapeError(path, message)
}

/** "is missing" when there is nothing at `path`, else "expected …": the one wording of every check. */
const wrong = (path: string, value: unknown, expected: string): never =>
  fail(path, value === undefined ? 'is missing' : `expected ${expected}`)

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const child = (path: string, key: string) => (path ? `${path}.${key}` : key)

/** A check from a predicate; a missing value says so instead of "expected …". */
export const leaf =
  <T>(expected: string, test: (value: unknown) => boolean): Check<T> =>
  (value, path) =>
    test(value) ? (value as T) : wrong(path, value, expected)

/** Any string. */
export const str: Check<string> = leaf('a string', (v) => typeof v === 'string')
/** A non-empty string (ids, titles). */
export const text: Check<string> = leaf('a non-empty string', (v) => typeof v === 'string' && v !== '')
/** A finite number: NaN and ±Infinity are refused (JSON cannot carry them, so they mean a broken sender). */
export const num: Check<number> = leaf('a finite number', Number.isFinite)
/** A boolean. */
export const bool: Check<boolean> = leaf('a boolean', (v) => typeof v === 'boolean')
/** An ISO 8601 timestamp that `Date.parse` can read (the widget formats and compares these). */
export const iso: Check<string> = leaf('an ISO 8601 timestamp', (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)))

/** One of a fixed set of strings (an enum). */
export const oneOf = <const T extends string>(values: readonly T[]): Check<T> =>
  leaf(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, (v) => values.includes(v as T))

/** `check`, and then `test` on its result, failing with `message` (e.g. "must be an http(s) or relative URL"). */
export const refine =
  <T>(check: Check<T>, test: (value: T) => boolean, message: string): Check<T> =>
  (value, path) =>
    test(check(value, path)) ? (value as T) : fail(path, message)

/** The key may be absent (undefined); null is still wrong, as in the core schemas. */
export const opt = <T>(check: Check<T>): OptionalCheck<T> =>
  ((value: unknown, path: string) => (value === undefined ? value : check(value, path))) as OptionalCheck<T>

/** `check`, or null. */
export const orNull =
  <T>(check: Check<T>): Check<T | null> =>
  (value, path) =>
    value === null ? null : check(value, path)

/** An array whose every item passes `item`. */
export const arr =
  <T>(item: Check<T>): Check<T[]> =>
  (value, path) => {
    if (!Array.isArray(value)) return wrong(path, value, 'a list')
    let copy: unknown[] | undefined
    value.forEach((v, i) => {
      const checked = item(v, `${path}[${i}]`)
      if (checked !== v) (copy ??= [...value])[i] = checked
    })
    return (copy ?? value) as T[]
  }

/** A plain object (not null, not an array) whose every value passes `item`. */
export const record =
  <T>(item: Check<T>): Check<Record<string, T>> =>
  (value, path) => {
    if (!isObject(value)) return wrong(path, value, 'an object')
    let copy: Record<string, unknown> | undefined
    for (const key in value) {
      const checked = item(value[key], child(path, key))
      if (checked !== value[key]) (copy ??= { ...value })[key] = checked
    }
    return (copy ?? value) as Record<string, T>
  }

/** A plain object with (at least) these keys; unknown keys pass for forward compatibility. */
export const obj =
  <S extends Shape>(shape: S): Check<Infer<S>> =>
  (value, path) => {
    if (!isObject(value)) return wrong(path, value, 'an object')
    let copy: Record<string, unknown> | undefined
    for (const key in shape) {
      const checked = shape[key]!(value[key], child(path, key))
      if (checked === value[key]) continue
      copy ??= { ...value }
      if (checked === undefined) delete copy[key]
      else copy[key] = checked
    }
    return (copy ?? value) as Infer<S>
  }

/** Problems `leaveOut` recorded during the current `validate` call (null outside one). */
let leftOut: { path: string; message: string }[] | null = null

/**
 * An optional value that is left out (undefined) when it fails `check`, instead of failing the whole body — for
 * parts the widget can do without, such as a link that is not http(s) or relative. What was left out is recorded
 * and comes back from `validateLeavingOut`.
 */
export const leaveOut = <T>(check: Check<T>): OptionalCheck<T> =>
  ((value: unknown, path: string) => {
    if (value === undefined) return undefined
    try {
      return check(value, path)
    } catch (error) {
      if (!(error instanceof ShapeError) || leftOut === null) throw error
      leftOut.push({ path: error.path, message: error.message })
      return undefined
    }
  }) as OptionalCheck<T>

/**
 * `validate`, also returning what `leaveOut` parts dropped as one `CairnError` (undefined when nothing was),
 * so the caller can report it (`onError`) and still use the rest of the body.
 */
export function validateLeavingOut<T>(check: Check<T>, body: unknown, problem: string): { value: T; leftOut?: CairnError } {
  const outer = leftOut
  const dropped: { path: string; message: string }[] = []
  leftOut = dropped
  try {
    const value = validate(check, body, problem)
    return dropped.length === 0 ? { value } : { value, leftOut: new CairnError('invalid_response', `Left out unsafe content at ${dropped.map((d) => d.path).join(', ')}`, undefined, dropped) }
  } finally {
    leftOut = outer
  }
}

/**
 * Runs `check` on a whole body: a `ShapeError` becomes `CairnError(code)` whose message is `problem` plus
 * the first wrong path, and whose `details` are `[{ path, message }]` (the shape of core's `ValidationError[]`).
 */
export function validate<T>(check: Check<T>, body: unknown, problem: string, code: CairnErrorCode = 'invalid_response'): T {
  try {
    return check(body, '')
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error
    const path = error.path || 'body'
    throw new CairnError(code, `${problem} (${path}: ${error.message})`, undefined, [{ path, message: error.message }])
  }
}
