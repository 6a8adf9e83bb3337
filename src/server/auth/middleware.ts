import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/app-env'
import { ApiError } from '../http/errors'
import { isSignedUserToken, TokenError, verifyUserToken } from './user-token'

/** What the auth middleware needs to tell the two credentials apart. */
export interface AuthSettings {
  /** Constant-time check against `CAIRN_API_KEY`. */
  apiKeyMatches: (candidate: string) => boolean
  /** `CAIRN_SIGNING_SECRET`, encoded. */
  signingKey: Uint8Array
  now: () => Date
}

const REALM = 'Bearer realm="cairn"'

/**
 * Requires a user token (`Authorization: Bearer <jwt>`) and stores its claims as `c.var.user`.
 * `allowQueryToken` also accepts `?token=` — only for SSE, where EventSource cannot send headers.
 */
export function requireUserToken(settings: AuthSettings, options: { allowQueryToken?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearer(c) ?? (options.allowQueryToken ? c.req.query('token') || undefined : undefined)
    if (token === undefined) throw unauthorized('missing_credential', 'A user token is required (Authorization: Bearer <token>).')
    if (settings.apiKeyMatches(token)) {
      throw new ApiError(403, 'wrong_credential', 'This route takes a user token, not the API key.')
    }
    try {
      const user = await verifyUserToken(token, settings.signingKey, settings.now())
      c.set('user', user)
      c.set('credential', { kind: 'user', userId: user.userId })
    } catch (error) {
      if (error instanceof TokenError) throw unauthorized(error.code, error.message)
      throw error
    }
    await next()
  }
}

/** Requires the server-to-server API key (`Authorization: Bearer <CAIRN_API_KEY>`). */
export function requireApiKey(settings: AuthSettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = bearer(c)
    if (key === undefined) throw unauthorized('missing_credential', 'The API key is required (Authorization: Bearer <key>).')
    if (!settings.apiKeyMatches(key)) {
      if (await isSignedUserToken(key, settings.signingKey, settings.now())) {
        throw new ApiError(403, 'wrong_credential', 'This route takes the API key, not a user token.')
      }
      throw unauthorized('invalid_api_key', 'The API key is not valid.')
    }
    c.set('credential', { kind: 'api_key' })
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
