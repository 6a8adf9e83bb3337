/** Long work yields to the event loop this often, so requests and pushes are not held up behind it. */
const YIELD_AFTER_MS = 20

/** Call between units of long work: yields to the event loop once `YIELD_AFTER_MS` passed since the last yield. */
export function timeSlice(): () => Promise<void> {
  let since = performance.now()
  return async () => {
    if (performance.now() - since < YIELD_AFTER_MS) return
    await new Promise((resolve) => setImmediate(resolve))
    since = performance.now()
  }
}
