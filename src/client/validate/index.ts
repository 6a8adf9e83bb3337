// Every body from the network passes through here: anything that does not match becomes a
// CairnError('invalid_response') naming the first wrong path, never a crash further in. Hand-checked
// instead of zod so the widget's first load stays small; the checks mirror the core schemas.
import type { Digest, MeProgress, Program } from '../../core'
import type { CairnError } from '../source'
import { validate, validateLeavingOut, type Check } from './check'
import { errorBodyCheck, ingestResultCheck, streamTicketCheck, type ApiErrorBody, type IngestResult } from './api'
import { digestCheck } from './digest'
import { programCheck } from './program'
import { meProgressCheck } from './progress'

export * from './check'
export type { ApiErrorBody, IngestResult } from './api'

/** Told about parts of an answer that were left out (an unsafe link) while the rest was kept. */
export type LeftOutReporter = (error: CairnError) => void

/** A validator that leaves out unsafe parts (links) and reports them to `onLeftOut` instead of failing. */
const leaving =
  <T>(check: Check<T>, problem: string) =>
  (body: unknown, onLeftOut?: LeftOutReporter): T => {
    const { value, leftOut } = validateLeavingOut(check, body, problem)
    if (leftOut) onLeftOut?.(leftOut)
    return value
  }

/** `GET /v1/program` → Program (the fields the widget reads); unsafe links are left out and reported. */
export const validateProgram: (body: unknown, onLeftOut?: LeftOutReporter) => Program = leaving(programCheck, 'The server sent an invalid program')

/** `GET /v1/me/progress` and SSE `progress` events → MeProgress; unsafe links are left out and reported. */
export const validateMeProgress: (body: unknown, onLeftOut?: LeftOutReporter) => MeProgress = leaving(meProgressCheck, 'The server sent an invalid progress snapshot')

/** `GET /v1/me/digest` → Digest; an unsafe link is left out and reported. */
export const validateDigest: (body: unknown, onLeftOut?: LeftOutReporter) => Digest = leaving(digestCheck, 'The server sent an invalid digest')

/** `POST /v1/me/events` → `{ accepted, duplicates, rejected }`. */
export const validateIngestResult = (body: unknown): IngestResult => validate(ingestResultCheck, body, 'The server sent an invalid ingest result')

/** `POST /v1/me/stream-ticket` → the ticket. */
export const validateStreamTicket = (body: unknown): string => validate(streamTicketCheck, body, 'The server sent an invalid ticket').ticket

/** The API's `{ error: { code, message, details? } }`, or undefined for anything else (HTML pages, proxies…). */
export function readErrorBody(body: unknown): ApiErrorBody | undefined {
  try {
    return errorBodyCheck(body, '').error
  } catch {
    return undefined
  }
}
