// How storage failures are told apart: the database being away (503, try again), a transaction losing a
// deadlock or serialization race (run it again), and a value the database cannot hold (the sender's input).

/** Node socket errors that mean "the database cannot be reached right now". */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])
/** SQLSTATEs of a server that is shutting down, starting up, or out of connections. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '53400'])
/** pg and PGlite say these in words rather than codes. */
const UNAVAILABLE_MESSAGES = /Connection terminated|connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end|PGlite is closed|Client was closed/i
/** Deadlock detected, serialization failure: the transaction did nothing and may simply run again. */
const RETRYABLE_STATES = new Set(['40P01', '40001'])

/** The database cannot be reached (or keeps losing deadlocks); the HTTP layer answers 503 with `Retry-After`. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError'
  readonly code = 'storage_unavailable'
  constructor(cause: unknown) {
    super('The database is unavailable.', { cause })
  }
}

/** A value reached the database that it cannot hold (SQLSTATE class 22); input validation should have caught it. */
export class UnstorableInputError extends Error {
  override readonly name = 'UnstorableInputError'
  readonly code = 'unstorable_input'
  constructor(
    readonly sqlState: string,
    cause: unknown,
  ) {
    super('A value could not be stored.', { cause })
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** True for a deadlock or serialization failure. */
export function isRetryableConflict(error: unknown): boolean {
  return RETRYABLE_STATES.has(codeOf(error) ?? '')
}

/** True when the error says the database is away rather than that the statement was wrong. */
export function isOutage(error: unknown): boolean {
  if (error instanceof StorageUnavailableError) return true
  const code = codeOf(error) ?? ''
  if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith('08')) return true
  return error instanceof Error && UNAVAILABLE_MESSAGES.test(error.message)
}

/** Re-labels a database error as an outage or unstorable input; anything else passes through unchanged. */
export function classifyStorageError(error: unknown): unknown {
  if (error instanceof StorageUnavailableError || error instanceof UnstorableInputError) return error
  // A conflict still losing after every retry is load, not a broken request: "try again shortly" as well.
  if (isOutage(error) || isRetryableConflict(error)) return new StorageUnavailableError(error)
  const code = codeOf(error)
  if (code !== undefined && /^22[0-9A-Z]{3}$/.test(code)) return new UnstorableInputError(code, error)
  return error
}

/** The same promise, with a rejection passed through `classifyStorageError`. */
export function classified<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    throw classifyStorageError(error)
  })
}

/** Deadlocks are rare and resolve on the next try; a few attempts with a short random pause are plenty. */
export const CONFLICT_ATTEMPTS = 5
const CONFLICT_PAUSE_MS = 20

/**
 * Runs a whole transaction again when Postgres aborted it for a deadlock or serialization failure (the
 * aborted attempt left nothing behind), at most `attempts` times; then the last error stands.
 */
export async function retryConflicts<T>(run: () => Promise<T>, attempts = CONFLICT_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.random() * CONFLICT_PAUSE_MS * attempt))
    }
  }
}
