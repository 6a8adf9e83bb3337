// CONTRACT between the data layer (storage, service, bus, seed) and the HTTP layer (app, routes, auth, SSE).
// Change only with both sides.
import type { CairnEvent, Digest, ExperimentInsights, Insights, LocalizedProgram, MeProgress, Program, ProgramPreview, ProgramVersions, Subject, Traits } from '../core'
import type { WebhookAdmin } from './webhooks'
import type { AccountsPage, AccountsQuery } from './service/accounts'
import type { ShareAdmin } from './service/shares'
import type { StreamTicketAdmin } from './service/stream-tickets'

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
  /** The reader's language from the token's `locale` claim; program text is answered in it. */
  locale?: string
}

/** What `publishProgram` did: a new version, the same definition again (made active), or a refused reuse of a version string. */
export interface PublishOutcome {
  status: 'created' | 'unchanged' | 'conflict'
  version: string
}

export interface CairnService {
  /** The active program version in its default language (English, else its first): what every user is evaluated against. */
  readonly program: Program
  /** The active program version, re-checked against storage (another process may have activated one) at most once a second. */
  currentProgram(): Promise<Program>
  /**
   * Stores `definition` (already validated as `program` — as written, per-locale text included — same program id) as a new version, makes it active and
   * re-evaluates every subject with their achievements carried over. A version string already published with another
   * definition is a conflict; with the same definition it is simply made active again.
   */
  publishProgram(program: LocalizedProgram, definition: unknown, publishedBy: string, now: Date): Promise<PublishOutcome>
  /** Makes a published version active (roll back or forward) and re-evaluates every subject; false when unknown. */
  activateProgram(version: string, activatedBy: string, now: Date): Promise<boolean>
  /** Every published version, newest first, with who published it and what changed. */
  programVersions(): Promise<ProgramVersions>
  /** Per milestone, how many subjects would change state if `program` were published now. Writes nothing. */
  previewProgram(program: Program, now: Date): Promise<ProgramPreview>
  /**
   * The program locale for a reader's preferences, best first (the token's `locale` claim, else the
   * `Accept-Language` ranges); falls back to English, else the program's first language. `undefined` when
   * the program has no per-locale text.
   */
  programLocale(preferences: readonly string[]): string | undefined
  /** The program with its text in `locale` (matched like a preference); the default language when omitted. */
  programIn(locale?: string): Program
  /**
   * Validates and stores raw events (each checked on its own: unknown shape, future timestamp beyond skew,
   * id reused with a different payload → rejected; same id same payload → duplicate), then brings the
   * progress of every affected subject up to date and publishes changes. `onlyUserId` restricts a
   * user-token batch to that user's own events; `onlyClientTrackable` to events of `clientTrackable` milestones.
   */
  ingest(events: readonly unknown[], options: { now: Date; onlyUserId?: string; onlyClientTrackable?: boolean }): Promise<IngestResult>
  /** Validates and stores a subject, then brings its progress up to date at `options.now` (@default the clock's now). */
  upsertSubject(userId: string, body: unknown, options?: { now?: Date }): Promise<Subject>
  /** Ensures the subject from a verified token exists (claims win over stored traits), then returns it. */
  subjectFromToken(claims: TokenSubject): Promise<Subject>
  /** Progress with its program text (next steps, celebrations) in `locale`. @default the program's default language */
  progress(userId: string, now: Date, locale?: string): Promise<MeProgress>
  /**
   * `subjectFromToken` then `progress` for the token's user, in one database round trip when the stored subject
   * already matches the claims (what `GET /v1/me/progress` answers).
   */
  progressForToken(claims: TokenSubject, now: Date, locale?: string): Promise<MeProgress>
  /**
   * `progressForToken` as JSON text (keys in another order), kept between requests on the embedded database while
   * nothing it depends on changes (see `createProgressAnswers`).
   */
  progressTextForToken(claims: TokenSubject, now: Date, locale: string | undefined): Promise<string>
  /** False when the celebration does not exist or belongs to someone else. */
  ackCelebration(userId: string, celebrationId: string): Promise<boolean>
  digest(userId: string, period: 'week' | 'month', now: Date, locale?: string): Promise<Digest>
  insights(now: Date): Promise<Insights>
  /** Holdout lift and variant comparisons (DESIGN §7.6); undefined when the program has no experiment. */
  experiment(now: Date): Promise<ExperimentInsights | undefined>
  /** Called with the user's fresh progress whenever it changes, in this process or (Postgres) in any other. */
  subscribe(userId: string, listener: (progress: MeProgress) => void, locale?: string): () => void
  /** One page of the customer-success accounts view (DESIGN §7.4); bad query values → validation error. */
  accounts(query: AccountsQuery, now: Date): Promise<AccountsPage>
  /** Webhook subscriptions and their delivery log (API key routes, DESIGN §7.3). */
  readonly webhooks: WebhookAdmin
  /** Public share links (DESIGN §7.5): create for an achievement, revoke, look up for the share page. */
  readonly shares: ShareAdmin
  /** Single-use tickets for the SSE stream (`POST /v1/me/stream-ticket`), stored so any process can redeem them. */
  readonly streamTickets: StreamTicketAdmin
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
