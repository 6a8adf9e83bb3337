import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** One problem in a request, located by path (`events[3].timestamp`). */
export interface ErrorDetail {
  path: string
  message: string
}

/** The body of every error response: `{ error: { code, message, details? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

/**
 * An error a route throws on purpose; `app.onError` turns it into the JSON error body with this status.
 * Anything else becomes a 500 without internals.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers such as `WWW-Authenticate` or `Retry-After`. */
    readonly headers?: Record<string, string>,
  ) {
    super(message)
  }
}

/** Builds the error body; `details` is left out when there are none. */
export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } }
}

/** Sends an `ApiError` as JSON with its status and headers. */
export function sendApiError(c: Context, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value)
  return c.json(errorBody(error.code, error.message, error.details), error.status)
}

/** The service reports bad input with `code: 'invalid_body'` and path details (see service-types.ts). */
export function isServiceValidationError(error: unknown): error is Error & { code: 'invalid_body'; details: ErrorDetail[] } {
  return error instanceof Error && (error as { code?: unknown }).code === 'invalid_body' && Array.isArray((error as { details?: unknown }).details)
}
