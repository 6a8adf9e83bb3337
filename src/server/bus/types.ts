/** What crosses the bus: only who changed. Listeners reload the fresh progress themselves. */
export interface ProgressChange {
  programId: string
  userId: string
}

/** Fan-out of progress changes to every subscriber, in this process and (Postgres) in every other one. */
export interface ProgressBus {
  publish(change: ProgressChange): Promise<void>
  /** Publishes many changes at once (one `pg_notify` statement on Postgres). */
  publishAll(changes: readonly ProgressChange[]): Promise<void>
  /** `onChange` runs once per change; `onResync` after a lost connection came back (changes may have been missed). */
  subscribe(onChange: (change: ProgressChange) => void, onResync?: () => void): () => void
  /** Resolves once the bus can receive changes from other processes. */
  ready(): Promise<void>
  close(): Promise<void>
}

/** The Postgres channel every process LISTENs on. */
export const PROGRESS_CHANNEL = 'cairn_progress'
