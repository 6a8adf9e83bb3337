/**
 * Runs tasks one after another per key (a promise chain per user), different keys in parallel,
 * so two batches touching one user can never interleave their read-evaluate-write.
 */
export interface KeyedQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>
  /** Runs `task` once every key's earlier tasks have settled, holding all keys until it settles. */
  runAll<T>(keys: readonly string[], task: () => Promise<T>): Promise<T>
  /** Resolves when every task queued so far has settled. */
  idle(): Promise<void>
  /** Whether a task holding `key` is running or queued: one queued now for it would wait. */
  busy(key: string): boolean
}

/** Creates an empty queue; finished chains are dropped so idle users cost no memory. */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>()
  // A task only ever waits for tasks queued before it, so holding several keys cannot deadlock.
  const runAll = <T>(keys: readonly string[], task: () => Promise<T>): Promise<T> => {
    const previous = Promise.allSettled(keys.map((key) => tails.get(key) ?? Promise.resolve()))
    const result = previous.then(task)
    const tail = result.catch(() => {})
    for (const key of keys) tails.set(key, tail)
    void tail.then(() => {
      for (const key of keys) if (tails.get(key) === tail) tails.delete(key)
    })
    return result
  }
  return {
    run: (key, task) => runAll([key], task),
    runAll,
    busy: (key) => tails.has(key),
    async idle() {
      while (tails.size > 0) await Promise.allSettled([...tails.values()])
    },
  }
}
