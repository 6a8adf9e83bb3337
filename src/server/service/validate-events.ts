import { EventSchema, formatIssues, type CairnEvent, type Criterion, type Program } from '../../core'
import type { IngestResult } from '../service-types'

/** Clocks drift: a timestamp up to this far ahead of the server is accepted, anything later is rejected. */
export const FUTURE_SKEW_MS = 5 * 60_000

/** One rejected event of a batch. */
export type Rejection = IngestResult['rejected'][number]

/** What a batch may contain, beyond the event schema. */
export interface EventRules {
  now: Date
  /** A user token may only send its own events (and only for its own account). */
  onlyUserId?: string
  onlyAccountId?: string
  /** Event names a user token may send (those of `clientTrackable` milestones). */
  allowedNames?: ReadonlySet<string>
}

/** Each event checked on its own: the good ones (normalised, with their batch index) and the rejections. */
export function validateEvents(raw: readonly unknown[], rules: EventRules): { valid: { index: number; event: CairnEvent }[]; rejected: Rejection[] } {
  const valid: { index: number; event: CairnEvent }[] = []
  const rejected: Rejection[] = []
  const latestMs = rules.now.getTime() + FUTURE_SKEW_MS
  raw.forEach((input, index) => {
    const parsed = EventSchema.safeParse(input)
    if (!parsed.success) {
      const message = formatIssues(parsed.error.issues).map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join('; ')
      return void rejected.push({ index, error: { code: 'invalid_event', message } })
    }
    const event = parsed.data
    if (JSON.stringify(event).includes('\\u0000')) {
      // Postgres text and jsonb cannot hold NUL; storing it would fail the whole batch.
      return void rejected.push({ index, error: { code: 'invalid_event', message: 'must not contain NUL characters' } })
    }
    const ms = Date.parse(event.timestamp)
    if (ms > latestMs) {
      return void rejected.push({ index, error: { code: 'future_timestamp', message: 'timestamp is more than 5 minutes in the future' } })
    }
    if (rules.onlyUserId !== undefined && event.userId !== rules.onlyUserId) {
      return void rejected.push({ index, error: { code: 'forbidden', message: 'a user token may only send its own events' } })
    }
    if (rules.onlyUserId !== undefined && event.accountId !== undefined && event.accountId !== rules.onlyAccountId) {
      return void rejected.push({ index, error: { code: 'forbidden', message: "a user token may only send events of its own account" } })
    }
    if (rules.allowedNames !== undefined && !rules.allowedNames.has(event.name)) {
      return void rejected.push({ index, error: { code: 'not_client_trackable', message: `"${event.name}" may only be sent by the server` } })
    }
    // One spelling per instant, so a retried event compares equal to the stored one.
    valid.push({ index, event: { ...event, timestamp: new Date(ms).toISOString() } })
  })
  return { valid, rejected }
}

/** Names of the events that feed a `clientTrackable` milestone: the only ones a widget may send. */
export function clientTrackableEventNames(program: Program): Set<string> {
  const names = new Set<string>()
  const collect = (criterion: Criterion) => {
    if (criterion.kind === 'all' || criterion.kind === 'any') criterion.of.forEach(collect)
    else if (criterion.kind !== 'tenure') names.add(criterion.event)
  }
  for (const milestone of program.milestones) if (milestone.clientTrackable) collect(milestone.criterion)
  return names
}

/** Whether any milestone counts a whole account, so one user's events can move their teammates' progress. */
export function hasAccountMilestones(program: Program): boolean {
  return program.milestones.some((m) => m.unit === 'account')
}
