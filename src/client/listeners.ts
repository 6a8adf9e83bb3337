import type { MeProgress } from '../core'
import type { SourceListener } from './source'

/**
 * The listeners of one source. A throwing listener is isolated so one broken subscriber cannot stop
 * the others from hearing about an update.
 */
export class ListenerSet {
  private readonly listeners = new Set<SourceListener>()

  get size(): number {
    return this.listeners.size
  }

  add(listener: SourceListener): () => void {
    // Wrapped so the same listener object can subscribe twice and unsubscribe each time independently.
    const entry: SourceListener = { progress: (p) => listener.progress(p), error: (e) => listener.error(e), warning: (e) => listener.warning?.(e) }
    this.listeners.add(entry)
    return () => this.listeners.delete(entry)
  }

  progress(progress: MeProgress): void {
    for (const listener of [...this.listeners]) {
      try {
        listener.progress(progress)
      } catch {
        // A subscriber's own bug must not break delivery to the rest.
      }
    }
  }

  error(error: Error): void {
    for (const listener of [...this.listeners]) {
      try {
        listener.error(error)
      } catch {
        // Same as above.
      }
    }
  }

  warning(error: Error): void {
    for (const listener of [...this.listeners]) {
      try {
        listener.warning?.(error)
      } catch {
        // Same as above.
      }
    }
  }

  clear(): void {
    this.listeners.clear()
  }
}
