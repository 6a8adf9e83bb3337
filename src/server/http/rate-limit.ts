import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env'
import { ApiError } from './errors'

/** Requests per minute for each credential; `false` switches rate limiting off. */
export interface RateLimitOptions {
  /** @default 600 */
  apiKeyPerMinute?: number
  /** Per user token subject, across all of that user's devices. @default 120 */
  userPerMinute?: number
}

/** A backend sends batches; a few hundred calls a minute is generous for a server-to-server client. */
export const DEFAULT_API_KEY_PER_MINUTE = 600
/** A widget loads, streams and tracks a little; two requests a second per user is far above normal use. */
export const DEFAULT_USER_PER_MINUTE = 120
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
    const now = this.clock()
    const bucket = this.refilled(key, perMinute, now)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return
    }
    const msUntilToken = ((1 - bucket.tokens) * MS_PER_MINUTE) / perMinute
    const retryAfter = Math.max(1, Math.ceil(msUntilToken / 1000))
    throw new ApiError(429, 'rate_limited', `Too many requests; retry in ${retryAfter} s.`, undefined, {
      'Retry-After': String(retryAfter),
    })
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
