import { Hono, type MiddlewareHandler } from 'hono'
import { every } from 'hono/combine'
import { apiKeyMatcher } from './auth/api-key'
import { requireApiKey, requireStreamCredential, requireUserToken, type AuthSettings } from './auth/middleware'
import { createUserTokenVerifier, secretKey } from './auth/user-token'
import type { AppEnv } from './http/app-env'
import { createErrorHandler, handleNotFound, logErrorSafely, type ErrorLogger } from './http/error-handlers'
import { responseHeaders } from './http/response-headers'
import { failedAuthLimiter, limitRate, TokenBuckets, type RateLimitOptions } from './http/rate-limit'
import { StreamRegistry } from './http/stream-registry'
import { registerEventsRoute } from './routes/events'
import { registerExperimentRoute } from './routes/experiment'
import { registerHealthRoute } from './routes/health'
import { registerInsightsRoute } from './routes/insights'
import { registerMeRoutes } from './routes/me'
import { registerOpenApiRoute } from './routes/openapi'
import { registerProgramRoute } from './routes/program'
import { registerProgramVersionRoutes } from './routes/program-versions'
import type { RouteDeps } from './routes/route-deps'
import { registerStreamRoute } from './routes/stream'
import { registerStreamTicketRoute } from './routes/stream-ticket'
import { registerSubjectRoute } from './routes/subjects'
import { registerWebhookRoutes } from './routes/webhooks'
import { registerAccountsRoute } from './routes/accounts'
import { registerShareRoutes } from './routes/shares'
import { DEFAULT_STREAM_TICKET_TTL_S } from './service'
import type { CairnService } from './service-types'

/** How the version history names the API key when `CAIRN_API_KEY_LABEL` is unset. */
export const DEFAULT_API_KEY_LABEL = 'api key'

/** Long enough that an idle connection survives common proxy timeouts (often 30–60 s). */
export const DEFAULT_HEARTBEAT_MS = 15_000

/** Options of `createApp`: the HTTP layer around a `CairnService`. */
export interface AppOptions {
  service: CairnService
  /** `CAIRN_API_KEY` */
  apiKey: string
  /** `CAIRN_SIGNING_SECRET` (at least 32 characters) */
  signingSecret: string
  /** The clock for evaluation and token expiry. @default () => new Date() */
  now?: () => Date
  /** Requests per minute per credential and failed authentications per client address, or `false` for none. @default { apiKeyPerMinute: 600, userPerMinute: 120, authFailuresPerMinute: 20 } */
  rateLimit?: RateLimitOptions | false
  /** Longest accepted user token lifetime (`exp` ahead of now, and after `iat`), in seconds. @default 86400 */
  tokenMaxLifetimeS?: number
  /** Take the client address from `X-Forwarded-For` (set only behind your own proxy). @default false */
  trustProxy?: boolean
  /**
   * The address people reach this server at, e.g. `https://progress.example.com` (share links are built from it, so a
   * forged `Host` header cannot point them elsewhere). @default the request's own origin
   */
  publicUrl?: string
  /** Origins allowed to call the API from a browser. @default '*' */
  corsOrigins?: string | string[]
  /** Milliseconds between SSE heartbeats. @default 15000 */
  heartbeatMs?: number
  /** Seconds a stream ticket (`POST /v1/me/stream-ticket`) stays valid for opening one stream. @default 60 */
  streamTicketTtlS?: number
  /** Receives unexpected errors (the client only sees a generic 500). @default error class, code and stack frames on stderr — never messages or payloads */
  log?: ErrorLogger
  /** Who the API key stands for in the program version history. @default 'api key' */
  apiKeyLabel?: string
}

/** The Hono app plus the handle that ends its open SSE streams (for graceful shutdown). */
export interface CairnApp {
  app: Hono<AppEnv>
  /** Ends every open `/v1/me/stream` response. */
  endStreams(): void
}

/** Builds the Cairn HTTP API (routes per DESIGN §4) around a service. No sockets are opened here. */
export function createApp(options: AppOptions): CairnApp {
  const { service } = options
  const now = options.now ?? (() => new Date())
  const log: ErrorLogger = options.log ?? logErrorSafely
  const buckets = new TokenBuckets()
  const signingKey = secretKey(options.signingSecret)
  const auth: AuthSettings = {
    apiKeyMatches: apiKeyMatcher(options.apiKey),
    signingKey,
    // One verifier for every guard: a token accepted on one route is not verified again on the next.
    verifyUser: createUserTokenVerifier(signingKey, options.tokenMaxLifetimeS),
    now,
    ...(options.tokenMaxLifetimeS !== undefined && { maxTokenLifetimeS: options.tokenMaxLifetimeS }),
    ...(options.rateLimit !== false && { failedAuth: failedAuthLimiter(buckets, options.rateLimit?.authFailuresPerMinute) }),
    trustProxy: options.trustProxy ?? false,
  }
  const rate: MiddlewareHandler<AppEnv>[] = options.rateLimit === false ? [] : [limitRate(buckets, options.rateLimit ?? {})]
  const ensureSubject: MiddlewareHandler<AppEnv> = async (c, next) => {
    await service.subjectFromToken(c.get('user'))
    await next()
  }

  const app = new Hono<AppEnv>()
  app.onError(createErrorHandler(log))
  app.notFound(handleNotFound)
  app.use('*', responseHeaders(options.corsOrigins ?? '*'))

  const streams = new StreamRegistry()
  const deps: RouteDeps = {
    app,
    service,
    now,
    guards: {
      user: every(requireUserToken(auth), ...rate, ensureSubject),
      stream: every(requireStreamCredential(auth, (ticket) => service.streamTickets.redeem(ticket, now())), ...rate),
      userReadOnly: every(requireUserToken(auth), ...rate),
      apiKey: every(requireApiKey(auth), ...rate),
    },
    streams,
    heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    streamTicketTtlS: options.streamTicketTtlS ?? DEFAULT_STREAM_TICKET_TTL_S,
    log,
    apiKeyLabel: options.apiKeyLabel ?? DEFAULT_API_KEY_LABEL,
    ...(options.publicUrl !== undefined && { publicUrl: options.publicUrl.replace(/\/+$/, '') }),
  }
  for (const register of [
    registerHealthRoute, registerOpenApiRoute, registerProgramRoute, registerMeRoutes, registerStreamRoute, registerStreamTicketRoute,
    registerEventsRoute, registerSubjectRoute, registerInsightsRoute, registerExperimentRoute, registerWebhookRoutes, registerAccountsRoute,
    registerShareRoutes,
    registerProgramVersionRoutes,
  ]) {
    register(deps)
  }
  return { app, endStreams: () => streams.endAll() }
}
