/**
 * Where `value` stands among `cohortValues`, 0–100 (rounded): the share strictly below it plus half the
 * share equal to it, so a subject tied with everyone sits at 50 rather than at 0 or 100. Empty cohort → 0.
 */
export function percentileAmong(value: number, cohortValues: readonly number[]): number {
  if (cohortValues.length === 0) return 0
  let below = 0
  let ties = 0
  for (const other of cohortValues) {
    if (other < value) below++
    else if (other === value) ties++
  }
  return Math.round((100 * (below + ties / 2)) / cohortValues.length)
}

/** The middle value (mean of the two middle values for an even count); undefined for an empty list. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
