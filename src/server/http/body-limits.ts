import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from './errors'

/** Room for a full batch of 1,000 events with a few properties each. */
export const EVENTS_BODY_LIMIT_BYTES = 1024 * 1024
/** Everything else (a subject, a handful of widget events) is small. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024

/** Rejects bodies above `maxBytes` with 413 `payload_too_large` before they are read into memory. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The request body must be at most ${maxBytes} bytes.`)
    },
  })
}
