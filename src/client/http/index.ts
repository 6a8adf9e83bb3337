export { httpSource, DEFAULT_POLL_INTERVAL_MS, SSE_FAILURES_BEFORE_POLLING, type HttpSourceOptions } from './http-source'
export { DEFAULT_RETRY, MAX_RETRY_AFTER_MS, type RetryOptions } from './retry'
export type { EventSourceLike, EventSourceConstructor } from './live'
