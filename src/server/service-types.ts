// CONTRACT between the data layer (storage, service, bus, seed) and the HTTP layer (app, routes, auth, SSE).
// Change only with both sides.
import type { CairnEvent, Digest, ExperimentInsights, Insights, MeProgress, Program, Subject, Traits } from '../core'

export interface IngestResult {
  accepted: number
  duplicates: number
  /** Per-event problems; `index` is the position in the submitted batch. Good events are still accepted. */
  rejected: { index: number; error: { code: string; message: string } }[]
}

/** Who a user token speaks for: the claims of a verified token. */
export interface TokenSubject {
  userId: string
  accountId?: string
  signedUpAt: string
  traits?: Traits
  consent?: boolean
}

export interface CairnService {
  readonly program: Program
  /**
   * Validates and stores raw events (each checked on its own: unknown shape, future timestamp beyond skew,
   * id reused with a different payload → rejected; same id same payload → duplicate), then brings the
   * progress of every affected subject up to date and publishes changes. `onlyUserId` restricts a
   * user-token batch to that user's own events; `onlyClientTrackable` to events of `clientTrackable` milestones.
   */
  ingest(events: readonly unknown[], options: { now: Date; onlyUserId?: string; onlyClientTrackable?: boolean }): Promise<IngestResult>
  upsertSubject(userId: string, body: unknown): Promise<Subject>
  /** Ensures the subject from a verified token exists (claims win over stored traits), then returns it. */
  subjectFromToken(claims: TokenSubject): Promise<Subject>
  progress(userId: string, now: Date): Promise<MeProgress>
  /** False when the celebration does not exist or belongs to someone else. */
  ackCelebration(userId: string, celebrationId: string): Promise<boolean>
  digest(userId: string, period: 'week' | 'month', now: Date): Promise<Digest>
  insights(now: Date): Promise<Insights>
  /** Holdout lift and variant comparisons (DESIGN §7.6); undefined when the program has no experiment. */
  experiment(now: Date): Promise<ExperimentInsights | undefined>
  /** Called with the user's fresh progress whenever it changes, in this process or (Postgres) in any other. */
  subscribe(userId: string, listener: (progress: MeProgress) => void): () => void
  /** Storage reachable? */
  health(): Promise<boolean>
  /** Waits for in-flight writes, stops listeners and closes storage. */
  close(): Promise<void>
}

export interface ServiceValidationError extends Error {
  code: 'invalid_body'
  details: { path: string; message: string }[]
}

export type { CairnEvent, ExperimentInsights, Insights }
