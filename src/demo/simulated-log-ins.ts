// Shared by Taskly's backend (which reports the log-ins) and the demo bar (which says what the button will do).

/** A week of log-ins, one per day ending today: the day simulator for the habit milestone. */
export const SIMULATED_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000
/** Simulated log-ins sit this far before "now", so none is ever "in the future" for the API. */
const SIMULATED_OFFSET_MS = 60_000

/**
 * When the simulated log-ins happen: one a day over the last week, oldest first — but only after the
 * sign-up. A user who joined three days ago has three days to log in on; one who joined today has only today.
 */
export function simulatedLogInTimes(signedUpAt: number, now: number): number[] {
  return Array.from({ length: SIMULATED_DAYS }, (_, i) => now - (SIMULATED_DAYS - 1 - i) * DAY_MS - SIMULATED_OFFSET_MS).filter((t) => t > signedUpAt)
}
