import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ApiError, errorBody, isServiceValidationError, sendApiError } from './errors'

/** Where unexpected errors are reported; the client only ever sees a generic 500. */
export type ErrorLogger = (error: unknown, context: { method: string; path: string }) => void

/**
 * Turns every thrown error into `{ error: { code, message, details? } }`: deliberate `ApiError`s keep their
 * status, the service's validation errors become 400 with paths, Hono's own exceptions (body limit) keep
 * their status, and anything else is a 500 that reveals nothing about the internals.
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
    log(error, { method: c.req.method, path: c.req.path })
    return c.json(errorBody('internal_error', 'Something went wrong on our side.'), 500)
  }
}

/** Unknown routes get the same JSON error shape as everything else. */
export const handleNotFound: NotFoundHandler = (c) =>
  c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404)
