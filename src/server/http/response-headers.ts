import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'

/** Headers the widget may send cross-origin. */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'If-None-Match', 'Last-Event-ID']
/** Headers the widget may read cross-origin. */
const EXPOSED_HEADERS = ['ETag', 'Retry-After']
/** Browsers may reuse a preflight answer this long (seconds). */
const PREFLIGHT_MAX_AGE_S = 600

/**
 * CORS for the widget's origins (`'*'`: any) and `X-Content-Type-Options: nosniff`, on every response. Preflights are
 * Hono's `cors`; every other answer gets its headers added to the response the route made, after it made it. Hono's
 * `cors` and `c.header` touch `c.res` before the route (or after it finalised), which turns the Node adapter's
 * lightweight response into a web `Response` whose body is then read back through a stream — about a sixth of a
 * progress read's CPU.
 */
export function responseHeaders(origins: string | readonly string[]): MiddlewareHandler {
  const preflight = cors({
    origin: typeof origins === 'string' ? origins : [...origins],
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ALLOWED_HEADERS,
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_S,
  })
  const exposed = EXPOSED_HEADERS.join(',')
  const allowed = (origin: string): string | undefined => {
    if (origins === '*') return '*'
    return (typeof origins === 'string' ? origins === origin : origins.includes(origin)) ? origin : undefined
  }
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      const answer = await preflight(c, next)
      ;(answer ?? c.res).headers.set('X-Content-Type-Options', 'nosniff')
      return answer
    }
    await next()
    // The response's own Headers, changed in place: `c.header` would copy the finalised response first.
    const headers = c.res.headers
    const origin = allowed(c.req.header('origin') ?? '')
    if (origin !== undefined) headers.set('Access-Control-Allow-Origin', origin)
    headers.set('Access-Control-Expose-Headers', exposed)
    // The answer names one origin among several: caches must keep one per origin.
    if (origins !== '*') headers.append('Vary', 'Origin')
    headers.set('X-Content-Type-Options', 'nosniff')
  }
}
