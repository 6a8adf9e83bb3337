/** Epoch milliseconds to the ISO 8601 form every time in Progress uses. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString()
}

/** Epoch milliseconds of a `now` given as a Date or an ISO string; a RangeError when it is not a valid time. */
export function toMs(moment: Date | string): number {
  const ms = typeof moment === 'string' ? Date.parse(moment) : moment.getTime()
  if (Number.isNaN(ms)) throw new RangeError(`now must be a valid date, got ${String(moment)}`)
  return ms
}
