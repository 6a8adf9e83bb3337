import { EVENTS_BODY_LIMIT_BYTES, limitBody } from '../http/body-limits'
import { ingestResponse, MAX_EVENTS_PER_BATCH, readEventBatch } from '../http/event-batch'
import type { RouteDeps } from './route-deps'

/**
 * `POST /v1/events` (API key): the host's backend reports usage. Each event is checked on its own; good
 * ones are stored even when others are rejected (202 with counts), and resending a batch is harmless.
 */
export function registerEventsRoute({ app, service, now, guards }: RouteDeps): void {
  app.post('/v1/events', guards.apiKey, limitBody(EVENTS_BODY_LIMIT_BYTES), async (c) => {
    const events = await readEventBatch(c, MAX_EVENTS_PER_BATCH)
    const result = await service.ingest(events, { now: now() })
    return ingestResponse(c, result)
  })
}
