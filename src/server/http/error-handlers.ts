import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ApiError, errorBody, isServiceValidationError, sendApiError } from './errors'

/** Where unexpected errors are reported; the client only ever sees a generic 500 (or 503 for an outage). */
export type ErrorLogger = (error: unknown, context: { method: string; path: string }) => void

/** How long a client should wait before retrying while the database is away. */
export const STORAGE_RETRY_AFTER_S = 5

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code

/**
 * Turns every thrown error into `{ error: { code, message, details? } }`: deliberate `ApiError`s keep their
 * status, the service's validation errors become 400 with paths, Hono's own exceptions (body limit) keep
 * their status, a database outage is a 503 with `Retry-After`, and anything else is a 500 that reveals
 * nothing about the internals.
 */
export function createErrorHandler(log: ErrorLogger): ErrorHandler {
  return (error: unknown, c: Context) => {
    if (error instanceof ApiError) return sendApiError(c, error)
    if (isServiceValidationError(error)) return c.json(errorBody('invalid_body', 'The request body is not valid.', error.details), 400)
    if (error instanceof HTTPException) {
      const status = error.status
      if (status === 413) return c.json(errorBody('payload_too_large', 'The request body is too large.'), 413)
      if (status < 500) return c.json(errorBody('bad_request', 'The request could not be processed.'), status)
    }
    if (codeOf(error) === 'storage_unavailable') {
      c.header('Retry-After', String(STORAGE_RETRY_AFTER_S))
      return c.json(errorBody('storage_unavailable', 'The database is unavailable right now; please retry shortly.'), 503)
    }
    log(error, { method: c.req.method, path: c.req.path })
    // Validation should refuse every such value first; if one slips through it is still the input's fault.
    if (codeOf(error) === 'unstorable_input') return c.json(errorBody('invalid_input', 'A value in the request cannot be stored.'), 400)
    return c.json(errorBody('internal_error', 'Something went wrong on our side.'), 500)
  }
}

/**
 * A log line that names what failed without what it carried: error class, code (SQLSTATE or errno) and the
 * stack's code locations — never the message, which for database errors can quote event payloads and traits.
 */
export function describeErrorForLog(error: unknown): string {
  if (!(error instanceof Error)) return `non-error value (${typeof error})`
  const code = codeOf(error)
  const cause = error.cause instanceof Error ? ` caused by ${error.cause.name}${typeof codeOf(error.cause) === 'string' ? ` ${String(codeOf(error.cause))}` : ''}` : ''
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 8).join('\n')
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}${cause}${frames ? `\n${frames}` : ''}`
}

/** The default logger: method, path (ids only) and `describeErrorForLog`, on stderr. */
export const logErrorSafely: ErrorLogger = (error, where) => console.error(`[cairn] ${where.method} ${where.path} failed: ${describeErrorForLog(error)}`)

/** Unknown routes get the same JSON error shape as everything else. */
export const handleNotFound: NotFoundHandler = (c) =>
  c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404)
