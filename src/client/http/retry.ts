import { CairnError } from '../source'
import { sleep as defaultSleep } from '../abort'

/** How hard to retry a failed request. */
export interface RetryOptions {
  /** Retries after the first attempt. @default 4 */
  retries: number
  /** Backoff base: attempt n waits up to `baseMs × 2ⁿ`. @default 500 */
  baseMs: number
  /** Ceiling for one backoff wait. @default 15000 */
  maxMs: number
}

export const DEFAULT_RETRY: RetryOptions = { retries: 4, baseMs: 500, maxMs: 15_000 }

/** A server asking us to wait longer than this is treated as "not now": we stop and surface the error. */
export const MAX_RETRY_AFTER_MS = 60_000

/** Clock and randomness, injectable so tests can make backoff deterministic. */
export interface RetryDeps {
  /** @default Math.random */
  random: () => number
  /** @default a setTimeout-based sleep that rejects on abort */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** @default Date.now */
  now: () => number
}

export const DEFAULT_RETRY_DEPS: RetryDeps = { random: Math.random, sleep: defaultSleep, now: () => Date.now() }

/** An HTTP failure that may carry the server's `Retry-After` hint. */
export class HttpError extends CairnError {
  constructor(
    code: CairnError['code'],
    message: string,
    status?: number,
    details?: unknown,
    /** Milliseconds the server asked us to wait, from `Retry-After`. */
    readonly retryAfterMs?: number,
  ) {
    super(code, message, status, details)
  }
}

/**
 * Full-jitter exponential backoff: a uniform wait in [0, min(maxMs, baseMs × 2^attempt)). Jitter spreads
 * out clients that all failed at the same moment, so a recovering server is not hit by a synchronized wave.
 */
export function backoffDelay(attempt: number, options: RetryOptions, random: () => number): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** attempt)
  return Math.floor(random() * ceiling)
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** Network failures, 5xx and 429 are worth another try; everything else (4xx, bad bodies, aborts) is final. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof CairnError)) return false
  if (error.code === 'network') return true
  return error.code === 'http' && error.status !== undefined && (error.status >= 500 || error.status === 429)
}

/** Runs `attempt` until it succeeds, fails for good, the retries run out, or `signal` aborts. */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  options: RetryOptions,
  deps: RetryDeps,
  signal?: AbortSignal,
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt()
    } catch (error) {
      if (n >= options.retries || !isRetryable(error) || signal?.aborted) throw error
      const hinted = error instanceof HttpError ? error.retryAfterMs : undefined
      if (hinted !== undefined && hinted > MAX_RETRY_AFTER_MS) throw error
      await deps.sleep(hinted ?? backoffDelay(n, options, deps.random), signal)
    }
  }
}
