/** Epoch milliseconds to the ISO 8601 form every time in Progress uses. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString()
}

// A subject's times repeat from one assessment to the next (achievements, deadlines, badges, a signal's start),
// and formatting one costs about a microsecond: the server re-formatted every one of them on every assessment.
const MEMO_SLOTS = 32
const MEMO_SHIFT = 32 - Math.log2(MEMO_SLOTS)

/**
 * `toIso` remembering the last times it formatted, for one subject's plan: a direct-mapped table of 32 slots
 * (Fibonacci hashing of the low 32 bits, as whole seconds share their low bits), so it stays small and needs no eviction.
 */
export function isoMemo(): (ms: number) => string {
  const keys = new Float64Array(MEMO_SLOTS).fill(NaN)
  const texts: string[] = new Array<string>(MEMO_SLOTS)
  return (ms) => {
    const slot = Math.imul(ms | 0, 0x9e3779b1) >>> MEMO_SHIFT
    if (keys[slot] === ms) return texts[slot] as string
    const text = toIso(ms)
    keys[slot] = ms
    texts[slot] = text
    return text
  }
}

/** Epoch milliseconds of a `now` given as a Date or an ISO string; a RangeError when it is not a valid time. */
export function toMs(moment: Date | string): number {
  const ms = typeof moment === 'string' ? Date.parse(moment) : moment.getTime()
  if (Number.isNaN(ms)) throw new RangeError(`now must be a valid date, got ${String(moment)}`)
  return ms
}
