import type { Context } from 'hono'
import type { IngestResult } from '../service-types'
import { ApiError } from './errors'
import { isJsonObject, readJson } from './json-body'

/** One request carries at most this many events (`POST /v1/events`); bigger imports are split by the sender. */
export const MAX_EVENTS_PER_BATCH = 1000
/** The widget sends a handful at a time; this is generous and keeps one user from flooding storage. */
export const MAX_CLIENT_EVENTS_PER_BATCH = 100
/** The rejection code the service uses for an id reused with a different payload. */
export const CONFLICT_CODE = 'conflict'

/** Reads `{ events: [...] }`: a missing or non-array `events` is 400, more than `max` events is 413. */
export async function readEventBatch(c: Context, max: number): Promise<unknown[]> {
  const body = await readJson(c)
  if (!isJsonObject(body) || !Array.isArray(body.events)) {
    throw new ApiError(400, 'invalid_body', 'The body must be { "events": [...] }.', [{ path: 'events', message: 'must be an array' }])
  }
  if (body.events.length > max) {
    throw new ApiError(413, 'too_many_events', `A batch holds at most ${max} events; got ${body.events.length}.`, [
      { path: 'events', message: `must have at most ${max} items` },
    ])
  }
  return body.events
}

/**
 * True when nothing was accepted or duplicate and every rejection is an id conflict — the caller is
 * re-sending ids with different payloads, which deserves a 409 rather than a partial-success 202.
 */
export function isAllConflicts(result: IngestResult): boolean {
  return (
    result.accepted === 0 &&
    result.duplicates === 0 &&
    result.rejected.length > 0 &&
    result.rejected.every((r) => r.error.code === CONFLICT_CODE)
  )
}

/** Answers an ingest: 202 with the counts, or 409 when every event conflicted. */
export function ingestResponse(c: Context, result: IngestResult): Response {
  if (isAllConflicts(result)) {
    throw new ApiError(409, 'event_conflict', 'Every event reuses an id with a different payload.', result.rejected)
  }
  return c.json(result, 202)
}
