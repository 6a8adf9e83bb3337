// CONTRACT between src/client (implementations) and src/store (consumer). Change only with both sides.
import type { Digest, MeProgress, Program } from '../core'

/** What the widget may send itself (`useTrack`); the source fills in id, userId and timestamp. */
export interface TrackInput {
  name: string
  properties?: Record<string, string | number | boolean>
  /** Idempotency key. @default crypto.randomUUID() */
  id?: string
  /** @default now */
  timestamp?: string
}

export interface SourceSnapshot {
  program: Program
  progress: MeProgress
  /** Parts of the answers that were left out (an unsafe link) while the rest is shown; for `onError`, not an error state. */
  warnings?: Error[]
}

/** Live-update listener. `progress` is a fully validated snapshot. */
export interface SourceListener {
  progress(progress: MeProgress): void
  /** Connection trouble (the source keeps retrying on its own). */
  error(error: Error): void
  /** Something was left out of an otherwise good update (an unsafe link); worth `onError`, not an error state. */
  warning?(error: Error): void
}

/**
 * Where the widget's data comes from: `httpSource` (the Cairn API) or `localSource` (the core engine in
 * the browser). Every method validates what it returns; garbage from the network is an error, never a crash.
 */
export interface Source {
  /** Loads the program and the current progress. Rejects with a `CairnError` on failure. */
  load(signal?: AbortSignal): Promise<SourceSnapshot>
  /** Starts live updates; returns a function that stops them. */
  subscribe(listener: SourceListener): () => void
  /** Records a usage event for the current user; resolves once the source has accepted it. */
  track(input: TrackInput): Promise<void>
  /** Acknowledges a celebration so it is never shown again. */
  ackCelebration(id: string): Promise<void>
  /** The "this week/month you…" summary. */
  digest(period: 'week' | 'month', signal?: AbortSignal): Promise<Digest>
  /**
   * Creates a public share link for something the user achieved or earned (DESIGN §7.5): `firstName`, when not
   * blank, is shown on the page. Absent on a source that cannot serve a public page (`localSource`): the widget
   * then offers no share action. Rejects with a `CairnError` (403 when the program does not enable sharing).
   */
  share?(kind: ShareKind, refId: string, options?: ShareOptions): Promise<ShareLink>
  /** Revokes a link made by `share`; its page then answers 410. */
  unshare?(id: string): Promise<void>
  /** Releases timers, sockets and listeners. */
  dispose?(): void
  /**
   * `false` when snapshots never carry `benchmarks` (`localSource`): the widget then does not fetch the code that
   * shows them while the first snapshot loads. @default true (they may)
   */
  readonly benchmarks?: boolean
}

/** What can be shared: an achieved milestone, a completed level or an earned badge. */
export type ShareKind = 'milestone' | 'level' | 'badge'

export interface ShareOptions {
  /** Shown on the public page; leave out (or blank) to share without a name. @default none */
  firstName?: string
  signal?: AbortSignal
}

/** A created share: `url` is the public page (`/s/{id}`), `id` revokes it. */
export interface ShareLink {
  id: string
  url: string
}

export type CairnErrorCode = 'network' | 'http' | 'invalid_response' | 'unauthorized' | 'aborted' | 'invalid_input'

/** The one error type the client raises: `code` says what went wrong, `status` the HTTP status if any. */
export class CairnError extends Error {
  override readonly name = 'CairnError'
  constructor(
    readonly code: CairnErrorCode,
    message: string,
    readonly status?: number,
    readonly details?: unknown,
  ) {
    super(message)
  }
}
