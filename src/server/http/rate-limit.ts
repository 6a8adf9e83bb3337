import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env'
import { ApiError } from './errors'

/** Requests per minute for each credential; `false` switches rate limiting off. */
export interface RateLimitOptions {
  /** @default 600 */
  apiKeyPerMinute?: number
  /** Per user token subject, across all of that user's devices. @default 120 */
  userPerMinute?: number
  /** Failed authentications per client address; once used up, that address gets 429 before any check. @default 20 */
  authFailuresPerMinute?: number
}

/** A backend sends batches; a few hundred calls a minute is generous for a server-to-server client. */
export const DEFAULT_API_KEY_PER_MINUTE = 600
/** A widget loads, streams and tracks a little; two requests a second per user is far above normal use. */
export const DEFAULT_USER_PER_MINUTE = 120
/** A person mistyping or a token expiring fails a few times; a guesser fails thousands of times. */
export const DEFAULT_AUTH_FAILURES_PER_MINUTE = 20
/** Above this many tracked credentials, full (idle) buckets are forgotten so memory stays bounded. */
const PRUNE_ABOVE = 10_000
const MS_PER_MINUTE = 60_000

interface Bucket {
  tokens: number
  updatedAt: number
}

/**
 * In-memory token buckets, one per credential: each holds up to `perMinute` requests and refills
 * continuously, so short bursts pass and sustained floods are slowed. Per process — behind a load
 * balancer every process limits on its own, which is fine for abuse protection.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>()

  /** @param clock milliseconds from a monotonic source. @default performance.now */
  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** Takes one token for `key`; throws a 429 `ApiError` with `Retry-After` when the bucket is empty. */
  take(key: string, perMinute: number): void {
    this.ensureAvailable(key, perMinute)
    this.refilled(key, perMinute, this.clock()).tokens -= 1
  }

  /** Throws the 429 `take` would throw, without spending anything. */
  ensureAvailable(key: string, perMinute: number, message = 'Too many requests'): void {
    const bucket = this.refilled(key, perMinute, this.clock())
    if (bucket.tokens >= 1) return
    const msUntilToken = ((1 - bucket.tokens) * MS_PER_MINUTE) / perMinute
    const retryAfter = Math.max(1, Math.ceil(msUntilToken / 1000))
    throw new ApiError(429, 'rate_limited', `${message}; retry in ${retryAfter} s.`, undefined, {
      'Retry-After': String(retryAfter),
    })
  }

  /** Spends one token if there is one (recording a failure never throws). */
  spend(key: string, perMinute: number): void {
    const bucket = this.refilled(key, perMinute, this.clock())
    bucket.tokens = Math.max(0, bucket.tokens - 1)
  }

  private refilled(key: string, perMinute: number, now: number): Bucket {
    let bucket = this.buckets.get(key)
    if (!bucket) {
      if (this.buckets.size >= PRUNE_ABOVE) this.prune(perMinute, now)
      bucket = { tokens: perMinute, updatedAt: now }
      this.buckets.set(key, bucket)
      return bucket
    }
    const refill = ((now - bucket.updatedAt) * perMinute) / MS_PER_MINUTE
    bucket.tokens = Math.min(perMinute, bucket.tokens + refill)
    bucket.updatedAt = now
    return bucket
  }

  private prune(perMinute: number, now: number): void {
    for (const [key, bucket] of this.buckets) {
      const idleLongEnoughToBeFull = now - bucket.updatedAt >= MS_PER_MINUTE * (1 - bucket.tokens / perMinute)
      if (idleLongEnoughToBeFull) this.buckets.delete(key)
    }
  }
}

/**
 * Spends one token of the authenticated credential (set by the auth middleware, so it runs after it).
 * The API key and each user token subject have their own bucket.
 */
export function limitRate(buckets: TokenBuckets, options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const apiKeyPerMinute = options.apiKeyPerMinute ?? DEFAULT_API_KEY_PER_MINUTE
  const userPerMinute = options.userPerMinute ?? DEFAULT_USER_PER_MINUTE
  return async (c, next) => {
    const credential = c.get('credential')
    if (credential.kind === 'api_key') buckets.take('api_key', apiKeyPerMinute)
    else buckets.take(`user:${credential.userId}`, userPerMinute)
    await next()
  }
}

/** Counts failed authentications per client address (see `clientAddress`); the auth middleware consults it first. */
export interface FailedAuthLimiter {
  /** Throws 429 when this address has used up its failures. */
  ensureAllowed(address: string): void
  /** Records one failed authentication from this address. */
  record(address: string): void
}

/** A limiter over `buckets` allowing `perMinute` failures per address, refilling continuously. */
export function failedAuthLimiter(buckets: TokenBuckets, perMinute = DEFAULT_AUTH_FAILURES_PER_MINUTE): FailedAuthLimiter {
  return {
    ensureAllowed: (address) => buckets.ensureAvailable(`auth-failures:${address}`, perMinute, 'Too many failed sign-ins from this address'),
    record: (address) => buckets.spend(`auth-failures:${address}`, perMinute),
  }
}

/**
 * The address a request came from: the socket peer, or — only behind a trusted proxy (`CAIRN_TRUST_PROXY=1`) —
 * the first `X-Forwarded-For` entry. Requests without a socket (in-process `app.request`) share one address.
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
  return incoming?.socket?.remoteAddress ?? 'local'
}
