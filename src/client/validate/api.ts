import { arr, num, obj, str, text, type Check, type Infer } from './check'

const rejection = obj({ index: num, error: obj({ code: str, message: str }) })

const ingestResult = { accepted: num, duplicates: num, rejected: arr(rejection) }
export type IngestResult = Infer<typeof ingestResult>
/** `POST /v1/me/events` → `{ accepted, duplicates, rejected }`. */
export const ingestResultCheck: Check<IngestResult> = obj(ingestResult)

const apiError = { code: str, message: str }
/** The API's `{ error: { code, message, details? } }`. */
export type ApiErrorBody = Infer<typeof apiError> & { details?: unknown }
export const errorBodyCheck: Check<{ error: ApiErrorBody }> = obj({ error: obj(apiError) })

/** `POST /v1/me/stream-ticket` → `{ ticket }` (its `expiresAt` is not needed: the ticket is used at once). */
export const streamTicketCheck: Check<{ ticket: string }> = obj({ ticket: text })
