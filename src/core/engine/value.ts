import type { Progress } from '../schemas/progress'
import type { MilestoneOutcome } from './milestone-state'

/**
 * Time (and money) saved: minutesSavedPerUnit × current of every eligible value milestone (units done so far,
 * not capped at the target), rounded to whole minutes per milestone and summed; money is those same whole
 * minutes / 60 × hourlyRate per milestone, in cents. So "1 hour 12 minutes — worth $72" always agree: both come
 * from the same minutes. The currency is the first one a milestone with a rate names. Absent when no eligible
 * milestone declares minutes saved.
 */
export function valueDelivered(outcomes: Iterable<MilestoneOutcome>): Progress['value'] {
  let minutesSaved = 0
  let moneySaved: number | undefined
  let currency: string | undefined
  let any = false
  for (const outcome of outcomes) {
    const value = outcome.plan.milestone.value
    if (outcome.standing === 'ineligible' || value?.minutesSavedPerUnit === undefined) continue
    any = true
    const minutes = Math.round(value.minutesSavedPerUnit * outcome.result.current)
    minutesSaved += minutes
    if (value.hourlyRate !== undefined) {
      moneySaved = (moneySaved ?? 0) + (minutes / 60) * value.hourlyRate
      currency ??= value.currency
    }
  }
  if (!any) return undefined
  const result: NonNullable<Progress['value']> = { minutesSaved }
  if (moneySaved !== undefined) result.moneySaved = Math.round(moneySaved * 100) / 100
  if (currency !== undefined) result.currency = currency
  return result
}
