import { EventSchema, formatIssues, type CairnEvent, type Criterion, type Program } from '../../core'
import type { IngestResult } from '../service-types'
import { describeProblem, findUnsafeText, parseTimestamp, recordProblem } from './input-rules'

/** Clocks drift: a timestamp up to this far ahead of the server is accepted, anything later is rejected. */
export const FUTURE_SKEW_MS = 5 * 60_000

/** One rejected event of a batch. */
export type Rejection = IngestResult['rejected'][number]

/** What a batch may contain, beyond the event schema. */
export interface EventRules {
  now: Date
  /** A user token may only send its own events (and only for its own account); their ids are scoped to the user. */
  onlyUserId?: string
  onlyAccountId?: string
  /** Event names a user token may send (those of `clientTrackable` milestones). */
  allowedNames?: ReadonlySet<string>
}

/**
 * The stored id of an event a user token sent: client ids live in a namespace per user, so one user can neither
 * learn whether another user's id exists (409 vs 202) nor pre-claim an id the host's backend will send.
 * JSON keeps the encoding unambiguous (no user id and event id pair can spell another pair's id).
 */
export function clientEventId(userId: string, id: string): string {
  return JSON.stringify(['me', userId, id])
}

/** `toISOString`'s own spelling: a valid time written this way is already the one stored. */
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

const reject = (index: number, code: string, message: string): Rejection => ({ index, error: { code, message } })

/** Each event checked on its own: the good ones (normalised, with their batch index) and the rejections. */
export function validateEvents(raw: readonly unknown[], rules: EventRules): { valid: { index: number; event: CairnEvent }[]; rejected: Rejection[] } {
  const valid: { index: number; event: CairnEvent }[] = []
  const rejected: Rejection[] = []
  const latestMs = rules.now.getTime() + FUTURE_SKEW_MS
  raw.forEach((input, index) => {
    // Raw input first: a schema copies records, which would silently drop a `__proto__` key.
    const unsafe = findUnsafeText(input)
    if (unsafe) return void rejected.push(reject(index, 'invalid_event', describeProblem(unsafe)))
    // The timestamp rule before the schema's, so a refused time always says which rule it broke.
    const rawTime = (input as { timestamp?: unknown } | null)?.timestamp
    const early = typeof rawTime === 'string' ? parseTimestamp(rawTime) : undefined
    if (early && 'problem' in early) return void rejected.push(reject(index, 'invalid_event', `timestamp ${early.problem}`))
    const parsed = EventSchema.safeParse(input)
    if (!parsed.success) {
      const message = formatIssues(parsed.error.issues).map(describeProblem).join('; ')
      return void rejected.push(reject(index, 'invalid_event', message))
    }
    const event = parsed.data
    // The schema passed the string through unchanged, so the early parse stands (parsing is a fair part of a batch's checks).
    const time = early ?? parseTimestamp(event.timestamp)
    if ('problem' in time) return void rejected.push(reject(index, 'invalid_event', `timestamp ${time.problem}`))
    const tooBig = recordProblem(event.properties, 'properties')
    if (tooBig) return void rejected.push(reject(index, 'invalid_event', describeProblem(tooBig)))
    if (time.ms > latestMs) {
      return void rejected.push(reject(index, 'future_timestamp', 'timestamp is more than 5 minutes in the future'))
    }
    if (rules.onlyUserId !== undefined && event.userId !== rules.onlyUserId) {
      return void rejected.push(reject(index, 'forbidden', 'a user token may only send its own events'))
    }
    if (rules.onlyUserId !== undefined && event.accountId !== undefined && event.accountId !== rules.onlyAccountId) {
      return void rejected.push(reject(index, 'forbidden', 'a user token may only send events of its own account'))
    }
    if (rules.allowedNames !== undefined && !rules.allowedNames.has(event.name)) {
      return void rejected.push(reject(index, 'not_client_trackable', `"${event.name}" may only be sent by the server`))
    }
    const id = rules.onlyUserId !== undefined ? clientEventId(rules.onlyUserId, event.id) : event.id
    // One spelling per instant, so a retried event compares equal to the stored one (most senders already use it).
    const timestamp = CANONICAL_TIME.test(event.timestamp) ? event.timestamp : new Date(time.ms).toISOString()
    valid.push({ index, event: { ...event, id, timestamp } })
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
  for (const milestone of program.milestones) {
    if (!milestone.clientTrackable) continue
    collect(milestone.criterion)
    // A threshold variant may count other events; they are as trackable as the milestone's own.
    for (const variant of milestone.variants ?? []) collect(variant.criterion)
  }
  return names
}
