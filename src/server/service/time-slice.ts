import type { Sliced } from '../../core'

/** Long work yields to the event loop this often, so requests and pushes are not held up behind it. */
const YIELD_AFTER_MS = 20

/** Call between units of long work: yields to the event loop once `YIELD_AFTER_MS` passed since the last yield. */
export function timeSlice(): () => Promise<void> {
  let since = performance.now()
  return async () => {
    if (performance.now() - since < YIELD_AFTER_MS) return
    await yieldToLoop()
    since = performance.now()
  }
}

/** One turn of the event loop: requests, I/O and pushes queued meanwhile run before the caller continues. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Runs sliced work (`core`'s `Sliced`), giving the event loop a turn (`pause`, default `yieldToLoop`) between slices. */
export async function runYielding<T>(work: Sliced<T>, pause: () => Promise<void> = yieldToLoop): Promise<T> {
  for (;;) {
    const step = work.next()
    if (step.done) return step.value
    await pause()
  }
}
