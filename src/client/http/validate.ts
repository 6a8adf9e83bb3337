import * as z from 'zod/mini'
import {
  DigestSchema,
  MeProgressSchema,
  formatIssues,
  parseProgram,
  type Digest,
  type MeProgress,
  type Program,
  type ValidationError,
} from '../../core'
import { CairnError } from '../source'

// Every body from the network passes through here: anything that does not match the core schemas becomes
// a CairnError('invalid_response') carrying the exact paths that were wrong, never a crash further in.

function invalid(what: string, errors: ValidationError[]): CairnError {
  const first = errors[0]
  const where = first ? ` (${first.path || 'body'} ${first.message})` : ''
  return new CairnError('invalid_response', `The server sent an invalid ${what}${where}`, undefined, errors)
}

function validateWith<T>(schema: z.ZodMiniType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body)
  if (!result.success) throw invalid(what, formatIssues(result.error.issues))
  return result.data
}

/** `GET /v1/program` → Program, checked with `parseProgram` (schema and cross-references). */
export function validateProgram(body: unknown): Program {
  const result = parseProgram(body)
  if (!result.ok) throw invalid('program', result.errors)
  return result.program
}

/** `GET /v1/me/progress` and SSE `progress` events → MeProgress. */
export function validateMeProgress(body: unknown): MeProgress {
  return validateWith(MeProgressSchema, body, 'progress snapshot')
}

/** `GET /v1/me/digest` → Digest. */
export function validateDigest(body: unknown): Digest {
  return validateWith(DigestSchema, body, 'digest')
}

const IngestResultSchema = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  rejected: z.array(z.object({ index: z.number(), error: z.object({ code: z.string(), message: z.string() }) })),
})
export type IngestResult = z.infer<typeof IngestResultSchema>

/** `POST /v1/me/events` → `{ accepted, duplicates, rejected }`. */
export function validateIngestResult(body: unknown): IngestResult {
  return validateWith(IngestResultSchema, body, 'ingest result')
}

const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.optional(z.unknown()) }),
})
export type ApiErrorBody = z.infer<typeof ErrorBodySchema>['error']

/** The API's `{ error: { code, message, details? } }`, or undefined for anything else (HTML pages, proxies…). */
export function readErrorBody(body: unknown): ApiErrorBody | undefined {
  const result = ErrorBodySchema.safeParse(body)
  return result.success ? result.data.error : undefined
}
