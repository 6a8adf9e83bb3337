// Every body from the network passes through here: anything that does not match becomes a
// CairnError('invalid_response') naming the first wrong path, never a crash further in. Hand-checked
// instead of zod so the widget's first load stays small; the checks mirror the core schemas.
import type { Digest, MeProgress, Program } from '../../core'
import { validate } from './check'
import { errorBodyCheck, ingestResultCheck, type ApiErrorBody, type IngestResult } from './api'
import { digestCheck } from './digest'
import { programCheck } from './program'
import { meProgressCheck } from './progress'

export * from './check'
export type { ApiErrorBody, IngestResult } from './api'

/** `GET /v1/program` → Program (the fields the widget reads). */
export const validateProgram = (body: unknown): Program => validate(programCheck, body, 'The server sent an invalid program')

/** `GET /v1/me/progress` and SSE `progress` events → MeProgress. */
export const validateMeProgress = (body: unknown): MeProgress => validate(meProgressCheck, body, 'The server sent an invalid progress snapshot')

/** `GET /v1/me/digest` → Digest. */
export const validateDigest = (body: unknown): Digest => validate(digestCheck, body, 'The server sent an invalid digest')

/** `POST /v1/me/events` → `{ accepted, duplicates, rejected }`. */
export const validateIngestResult = (body: unknown): IngestResult => validate(ingestResultCheck, body, 'The server sent an invalid ingest result')

/** The API's `{ error: { code, message, details? } }`, or undefined for anything else (HTML pages, proxies…). */
export function readErrorBody(body: unknown): ApiErrorBody | undefined {
  try {
    return errorBodyCheck(body, '').error
  } catch {
    return undefined
  }
}
