import type { ValidationError } from '../../core'
import type { ServiceValidationError } from '../service-types'

/** The error the HTTP layer turns into a 400 with `details`. */
export function invalidBody(message: string, details: ValidationError[]): ServiceValidationError {
  const error = new Error(message) as ServiceValidationError
  error.name = 'ServiceValidationError'
  error.code = 'invalid_body'
  error.details = details
  return error
}

/** Narrowing for callers that catch. */
export function isServiceValidationError(error: unknown): error is ServiceValidationError {
  return error instanceof Error && (error as Partial<ServiceValidationError>).code === 'invalid_body'
}
