import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/app-env'
import { ApiError } from '../http/errors'
import { clientAddress, type FailedAuthLimiter } from '../http/rate-limit'
import type { TokenSubject } from '../service-types'
import type { TicketRedemption } from '../storage'
import { createUserTokenVerifier, isSignedUserToken, TokenError } from './user-token'

/** What the auth middleware needs to tell the two credentials apart. */
export interface AuthSettings {
  /** Constant-time check against `CAIRN_API_KEY`. */
  apiKeyMatches: (candidate: string) => boolean
  /** `CAIRN_SIGNING_SECRET`, encoded. */
  signingKey: Uint8Array
  now: () => Date
  /** Longest accepted user token lifetime, in seconds. @default 86400 */
  maxTokenLifetimeS?: number
  /** Limits failed authentications per client address; consulted before any credential is checked. */
  failedAuth?: FailedAuthLimiter
  /** Read the client address from `X-Forwarded-For` (only behind a proxy you run). @default false */
  trustProxy?: boolean
  /**
   * Verifies a user token at `now` (one verifier per app, so tokens it accepted are remembered across routes).
   * @default a fresh `createUserTokenVerifier(signingKey, maxTokenLifetimeS)` per guard
   */
  verifyUser?: (token: string, now: Date) => Promise<TokenSubject>
}

const REALM = 'Bearer realm="cairn"'

/** Requires a user token (`Authorization: Bearer <jwt>`) and stores its claims as `c.var.user`. */
export function requireUserToken(settings: AuthSettings): MiddlewareHandler<AppEnv> {
  const verify = settings.verifyUser ?? createUserTokenVerifier(settings.signingKey, settings.maxTokenLifetimeS)
  return guarded(settings, (c) => authenticateUser(c, settings, verify, bearer(c)))
}

/** Redeems a stream ticket: the claims it was issued for, or why it cannot be used. */
export type StreamTicketRedeemer = (ticket: string) => Promise<TicketRedemption<TokenSubject>>

const TICKET_REFUSALS: Record<'unknown' | 'expired' | 'used', [code: string, message: string]> = {
  unknown: ['invalid_ticket', 'The stream ticket is not valid here; ask for a new one with POST /v1/me/stream-ticket.'],
  expired: ['ticket_expired', 'The stream ticket has expired; ask for a new one with POST /v1/me/stream-ticket just before connecting.'],
  used: ['ticket_used', 'The stream ticket was already used (each opens one stream); ask for a new one with POST /v1/me/stream-ticket.'],
}

/**
 * The SSE stream's credential, stored as `c.var.user` like a token's claims: a user token in the
 * `Authorization` header; else a single-use `?ticket=` from `POST /v1/me/stream-ticket` (what the widget
 * sends, since EventSource cannot send headers); else `?token=` (still accepted, but it puts the token in URLs).
 */
export function requireStreamCredential(settings: AuthSettings, redeem: StreamTicketRedeemer): MiddlewareHandler<AppEnv> {
  const verify = settings.verifyUser ?? createUserTokenVerifier(settings.signingKey, settings.maxTokenLifetimeS)
  return guarded(settings, async (c) => {
    const header = bearer(c)
    const ticket = header === undefined ? c.req.query('ticket') : undefined
    if (ticket === undefined) return authenticateUser(c, settings, verify, header ?? (c.req.query('token') || undefined))
    const redeemed = await redeem(ticket)
    if (!redeemed.ok) throw unauthorized(...TICKET_REFUSALS[redeemed.reason])
    c.set('user', redeemed.claims)
    c.set('credential', { kind: 'user', userId: redeemed.claims.userId })
  })
}

/** Verifies a user token and stores its claims; the API key or a bad token is refused. */
async function authenticateUser(
  c: Context<AppEnv>,
  settings: AuthSettings,
  verify: (token: string, now: Date) => Promise<TokenSubject>,
  token: string | undefined,
): Promise<void> {
  if (token === undefined) throw unauthorized('missing_credential', 'A user token is required (Authorization: Bearer <token>).')
  if (settings.apiKeyMatches(token)) {
    throw new ApiError(403, 'wrong_credential', 'This route takes a user token, not the API key.')
  }
  try {
    const user = await verify(token, settings.now())
    c.set('user', user)
    c.set('credential', { kind: 'user', userId: user.userId })
  } catch (error) {
    if (error instanceof TokenError) throw unauthorized(error.code, error.message)
    throw error
  }
}

/** Requires the server-to-server API key (`Authorization: Bearer <CAIRN_API_KEY>`). */
export function requireApiKey(settings: AuthSettings): MiddlewareHandler<AppEnv> {
  return guarded(settings, async (c) => {
    const key = bearer(c)
    if (key === undefined) throw unauthorized('missing_credential', 'The API key is required (Authorization: Bearer <key>).')
    if (!settings.apiKeyMatches(key)) {
      if (await isSignedUserToken(key, settings.signingKey, settings.now())) {
        throw new ApiError(403, 'wrong_credential', 'This route takes the API key, not a user token.')
      }
      throw unauthorized('invalid_api_key', 'The API key is not valid.')
    }
    c.set('credential', { kind: 'api_key' })
  })
}

/**
 * Runs `authenticate` behind the failed-authentication limiter: an address that used up its failures gets 429
 * before its credential is even looked at, and each 401/403 from `authenticate` counts against it. Errors of
 * later handlers never count.
 */
function guarded(settings: AuthSettings, authenticate: (c: Context<AppEnv>) => Promise<void>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const address = settings.failedAuth && clientAddress(c, settings.trustProxy ?? false)
    if (address !== undefined) settings.failedAuth!.ensureAllowed(address)
    try {
      await authenticate(c)
    } catch (error) {
      if (address !== undefined && error instanceof ApiError && (error.status === 401 || error.status === 403)) settings.failedAuth!.record(address)
      throw error
    }
    await next()
  }
}

function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization')
  const match = header?.match(/^Bearer[ ]+(\S+)\s*$/i)
  return match?.[1]
}

function unauthorized(code: string, message: string): ApiError {
  const challenge = code === 'missing_credential' ? REALM : `${REALM}, error="invalid_token"`
  return new ApiError(401, code, message, undefined, { 'WWW-Authenticate': challenge })
}
