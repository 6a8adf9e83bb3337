/**
 * Open SSE streams, so shutdown can end them (a server cannot close while responses are still open) and
 * one user cannot hold an unbounded number of subscriptions.
 */
export class StreamRegistry {
  private readonly open = new Map<string, Set<() => void>>()

  /** Registers a stream's `end` callback; returns the function that unregisters it. */
  add(userId: string, end: () => void): () => void {
    let ends = this.open.get(userId)
    if (!ends) {
      ends = new Set()
      this.open.set(userId, ends)
    }
    ends.add(end)
    return () => {
      ends.delete(end)
      if (ends.size === 0 && this.open.get(userId) === ends) this.open.delete(userId)
    }
  }

  /** Streams currently open for this user. */
  countFor(userId: string): number {
    return this.open.get(userId)?.size ?? 0
  }

  /** Total open streams. */
  get size(): number {
    let total = 0
    for (const ends of this.open.values()) total += ends.size
    return total
  }

  /** Ends every open stream (graceful shutdown). */
  endAll(): void {
    for (const ends of [...this.open.values()]) for (const end of [...ends]) end()
  }
}
