export { httpSource, DEFAULT_POLL_INTERVAL_MS, type HttpSourceOptions } from './http-source'
export { DEFAULT_RETRY, MAX_RETRY_AFTER_MS, type RetryOptions } from './retry'
export { SSE_FAILURES_BEFORE_POLLING, type EventSourceLike, type EventSourceConstructor } from './live'
