import type { Hono, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/app-env'
import type { StreamRegistry } from '../http/stream-registry'
import type { CairnService } from '../service-types'

/** Everything a route module needs; guards are ready-made middleware chains (one handler each) (auth, rate limit, subject). */
export interface RouteDeps {
  app: Hono<AppEnv>
  service: CairnService
  now: () => Date
  guards: {
    /** User token in the Authorization header, rate limit, subject ensured from the claims. */
    user: MiddlewareHandler<AppEnv>
    /**
     * As `userReadOnly` (the route ensures the subject in its first read), but a single-use `?ticket=` (or, still,
     * `?token=`) is accepted too: EventSource cannot send headers.
     */
    stream: MiddlewareHandler<AppEnv>
    /** User token and rate limit, without touching the subject (the program is the same for everyone). */
    userReadOnly: MiddlewareHandler<AppEnv>
    /** API key and rate limit. */
    apiKey: MiddlewareHandler<AppEnv>
  }
  streams: StreamRegistry
  /** Who the API key stands for in the version history (`CAIRN_API_KEY_LABEL`). */
  apiKeyLabel: string
  /** Seconds a stream ticket stays valid (`CAIRN_STREAM_TICKET_TTL_S`). */
  streamTicketTtlS: number
  /** Milliseconds between SSE heartbeat comments. */
  heartbeatMs: number
  log: (error: unknown, context: { method: string; path: string }) => void
  /** Base of public links (share pages), without a trailing slash; unset → the request's origin. */
  publicUrl?: string
}
