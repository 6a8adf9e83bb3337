/**
 * Long work written as a generator that `yield`s between slices of a few milliseconds and returns its result.
 * `core` cannot yield to an event loop itself (no Node, no DOM): whoever runs the work decides what happens between
 * slices — nothing (`runSlices`), or a turn of the server's event loop.
 */
export type Sliced<T> = Generator<void, T, void>

/** Runs sliced work to its end without pausing, and returns its result. */
export function runSlices<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next()
    if (step.done) return step.value
  }
}
