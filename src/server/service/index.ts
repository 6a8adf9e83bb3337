// Service room: the CairnService behind the HTTP API (ingest, progress, celebrations, digest, insights, live updates).
export { createService, type CreateServiceOptions } from './create-service'
export { computeInsights, VELOCITY_WEEKS } from './insights'
export { FUTURE_SKEW_MS, clientTrackableEventNames } from './validate-events'
export { isServiceValidationError } from './errors'
export { DEFAULT_EVALUATOR_CACHE_SIZE } from './progress-keeper'
export { DEFAULT_MAX_SLEEP_MS, type SchedulerOptions } from './scheduler'
export { COHORT_TTL_MS } from './cohort-cache'
export { DEFAULT_STREAM_TICKET_TTL_S, STREAM_TICKET_PATTERN, type IssuedStreamTicket, type StreamTicketAdmin } from './stream-tickets'
