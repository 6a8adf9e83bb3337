import type { IngestResult, TokenSubject } from '../service-types'
import { isJsonObject } from './json-body'

type Rejection = IngestResult['rejected'][number]

/** The outcome of screening a user-token batch: what may go on to the service, and what was refused. */
export interface ScreenedEvents {
  /** Events to ingest, with their position in the submitted batch. */
  passed: { index: number; event: unknown }[]
  /** Events refused because the user may not send them. */
  forbidden: Rejection[]
}

/**
 * Applies the user-token rules before anything reaches storage: only client-trackable event names, and
 * only the token's own user and account (filled in when left out). Malformed events pass through so the
 * service reports their shape problems like any other.
 */
export function screenClientEvents(events: readonly unknown[], user: TokenSubject, allowedNames: ReadonlySet<string>): ScreenedEvents {
  const passed: ScreenedEvents['passed'] = []
  const forbidden: Rejection[] = []
  events.forEach((event, index) => {
    if (!isJsonObject(event)) {
      passed.push({ index, event })
      return
    }
    const refuse = (code: string, message: string) => forbidden.push({ index, error: { code, message } })
    if (typeof event.name === 'string' && !allowedNames.has(event.name)) {
      return refuse('not_client_trackable', `"${event.name}" can only be sent with the API key.`)
    }
    if (event.userId !== undefined && event.userId !== user.userId) {
      return refuse('forbidden', 'A user token can only send events for its own user.')
    }
    if (event.accountId !== undefined && event.accountId !== user.accountId) {
      return refuse('forbidden', 'A user token can only send events for its own account.')
    }
    const owned = { ...event, userId: user.userId, ...(user.accountId !== undefined && { accountId: user.accountId }) }
    passed.push({ index, event: owned })
  })
  return { passed, forbidden }
}

/** Maps the service's result for the passed events back to positions in the original batch. */
export function mergeScreened(screened: ScreenedEvents, result: IngestResult): IngestResult {
  const rejected = [
    ...screened.forbidden,
    ...result.rejected.map((r) => ({ index: screened.passed[r.index]?.index ?? r.index, error: r.error })),
  ].sort((a, b) => a.index - b.index)
  return { accepted: result.accepted, duplicates: result.duplicates, rejected }
}
