import { SignJWT, errors as joseErrors, jwtVerify } from 'jose'
import * as z from 'zod/mini'
import { LocaleTagSchema, SubjectSchema, TraitsSchema, type Traits } from '../../core'
import type { TokenSubject } from '../service-types'
import { describeProblem, findUnsafeText } from '../service/input-rules'
import { LruCache } from '../service/lru-cache'
import { subjectProblems } from '../service/subject-input'

/** HS256 wants a key at least as long as its 256-bit output; shorter secrets are guessable offline. */
export const MIN_SECRET_LENGTH = 32
const ALGORITHM = 'HS256'
/** Host and API clocks drift a little; a token this close to its expiry still passes. */
const CLOCK_TOLERANCE_S = 30
/** A leaked token is worth little for long: user tokens may live at most this long (`CAIRN_TOKEN_MAX_LIFETIME_S`). */
export const DEFAULT_MAX_TOKEN_LIFETIME_S = 24 * 60 * 60

/** What `createUserToken` needs: who the token speaks for and the secret shared with the Cairn API. */
export interface CreateUserTokenOptions {
  /** `CAIRN_SIGNING_SECRET` (at least 32 characters). */
  secret: string
  userId: string
  accountId?: string
  /** When the user signed up (ISO 8601 or a Date); deadlines count from here. */
  signedUpAt: string | Date
  traits?: Traits
  consent?: boolean
  /**
   * The reader's language (`"de"`, `"pt-BR"`): program text in API answers is resolved to it, before any
   * `Accept-Language`. Pass the widget's `locale` so the program speaks the same language as the widget.
   * @default none (the API uses `Accept-Language`, then the program's English or first language)
   */
  locale?: string
  /** Lifetime as a duration (`'15m'`, `'1h'`) or an absolute expiry; the API refuses more than its maximum (24 h by default). @default '1h' */
  expiresIn?: string | Date
  /** The issuing moment (`iat`, and the start of a relative `expiresIn`). @default new Date() */
  now?: Date
}

const ClaimsSchema = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(200)),
  acct: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  signedUpAt: SubjectSchema.shape.signedUpAt,
  traits: z.optional(TraitsSchema),
  consent: z.optional(z.boolean()),
  locale: z.optional(LocaleTagSchema),
})

/** The edge rules on claims (text the database can hold, RFC 3339 `signedUpAt`, bounded traits); undefined when fine. */
function claimsProblem(claims: z.infer<typeof ClaimsSchema>, raw: unknown = claims): string | undefined {
  // The raw payload too: parsing copies records, which drops a `__proto__` key without a word.
  const unsafe = findUnsafeText(raw)
  if (unsafe) return describeProblem(unsafe)
  const problem = subjectProblems({ signedUpAt: claims.signedUpAt, accountId: claims.acct, traits: claims.traits })[0]
  return problem && describeProblem(problem)
}

/** Why a token was refused; the auth middleware maps each to a 401 with its own error code. */
export class TokenError extends Error {
  override readonly name = 'TokenError'
  constructor(
    readonly code: 'invalid_token' | 'token_expired',
    message: string,
  ) {
    super(message)
  }
}

/** Encodes a secret for HMAC, refusing ones too short to be safe. */
export function secretKey(secret: string): Uint8Array {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new TypeError(`The signing secret must be at least ${MIN_SECRET_LENGTH} characters long.`)
  }
  return new TextEncoder().encode(secret)
}

/**
 * Mints a short-lived user token (JWT, HS256) for the widget. Call it in your backend — never in the
 * browser — and hand the result to `httpSource({ getToken })`.
 */
export async function createUserToken(options: CreateUserTokenOptions): Promise<string> {
  const signedUpAt = options.signedUpAt instanceof Date ? options.signedUpAt.toISOString() : options.signedUpAt
  const claims = { sub: options.userId, acct: options.accountId, signedUpAt, traits: options.traits, consent: options.consent, locale: options.locale }
  const checked = ClaimsSchema.safeParse(claims)
  if (!checked.success) {
    const first = checked.error.issues[0]
    throw new TypeError(`createUserToken: invalid ${first?.path.join('.') || 'claims'} (${first?.message ?? 'invalid'})`)
  }
  const problem = claimsProblem(checked.data)
  if (problem !== undefined) throw new TypeError(`createUserToken: invalid claims (${problem})`)
  const { sub, ...rest } = checked.data
  return new SignJWT(rest)
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt(options.now ?? new Date())
    .setExpirationTime(relativeTo(options.expiresIn ?? '1h', options.now))
    .sign(secretKey(options.secret))
}

/** jose reads a duration from the wall clock; with an explicit `now` it is turned into an absolute expiry. */
function relativeTo(expiresIn: string | Date, now: Date | undefined): string | Date {
  if (now === undefined || expiresIn instanceof Date) return expiresIn
  const m = /^(\d+)\s*(s|m|h|d)$/.exec(expiresIn.trim())
  if (!m) throw new TypeError(`createUserToken: expiresIn "${expiresIn}" must look like 30s, 15m, 1h or 1d when now is given`)
  const unitS = { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd']
  return new Date(now.getTime() + Number(m[1]) * unitS * 1000)
}

/** Verified tokens a verifier remembers: a widget sends the same token on every request of its life. */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000

/** The time claims of a verified token, checked again against every request's clock. */
interface TokenTimes {
  exp: number
  iat?: number
  nbf?: number
}

/**
 * Verifies signature (HS256 only — `alg: none` and every other algorithm are refused), expiry (`exp` is
 * required), lifetime (`exp` at most `maxLifetimeS` ahead, and after `iat` when present; `iat` not in the
 * future) and claim shapes, and returns who the token speaks for. Throws `TokenError` otherwise.
 */
export async function verifyUserToken(token: string, key: Uint8Array, now: Date, maxLifetimeS = DEFAULT_MAX_TOKEN_LIFETIME_S): Promise<TokenSubject> {
  return (await verifyFully(token, key, now, maxLifetimeS)).subject
}

/**
 * `verifyUserToken` that remembers the last `size` tokens it accepted: a token seen again skips the signature and
 * claim checks (which do not depend on the clock) but not the time checks, which run against each `now` exactly as a
 * full verification would (expiry, not-before, lifetime, issued in the future). Refused tokens are not remembered.
 */
export function createUserTokenVerifier(
  key: Uint8Array,
  maxLifetimeS = DEFAULT_MAX_TOKEN_LIFETIME_S,
  size = VERIFIED_TOKEN_CACHE_SIZE,
): (token: string, now: Date) => Promise<TokenSubject> {
  const verified = new LruCache<string, { subject: TokenSubject; times: TokenTimes }>(size)
  return async (token, now) => {
    const known = verified.get(token)
    if (known) {
      checkTimes(known.times, now, maxLifetimeS)
      return known.subject
    }
    const result = await verifyFully(token, key, now, maxLifetimeS)
    verified.set(token, result)
    return result.subject
  }
}

async function verifyFully(token: string, key: Uint8Array, now: Date, maxLifetimeS: number): Promise<{ subject: TokenSubject; times: TokenTimes }> {
  let payload: { exp?: number; iat?: number; nbf?: number } & Record<string, unknown>
  try {
    ;({ payload } = await jwtVerify(token, key, { algorithms: [ALGORITHM], currentDate: now, clockTolerance: CLOCK_TOLERANCE_S, requiredClaims: ['sub', 'exp'] }))
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new TokenError('token_expired', 'The user token has expired.')
    throw new TokenError('invalid_token', 'The user token is not valid.')
  }
  const { exp = 0, iat, nbf } = payload
  const times: TokenTimes = { exp, ...(iat !== undefined && { iat }), ...(nbf !== undefined && { nbf }) }
  checkTimes(times, now, maxLifetimeS)
  const claims = ClaimsSchema.safeParse(payload)
  if (!claims.success) throw new TokenError('invalid_token', 'The user token claims are not valid.')
  const problem = claimsProblem(claims.data, payload)
  if (problem !== undefined) throw new TokenError('invalid_token', `The user token claims are not valid: ${problem}.`)
  const { sub, acct, signedUpAt, traits, consent, locale } = claims.data
  // Frozen: a remembered subject is handed to every request that sends the token.
  const subject: TokenSubject = Object.freeze({
    userId: sub,
    signedUpAt,
    ...(acct !== undefined && { accountId: acct }),
    ...(traits !== undefined && { traits: Object.freeze({ ...traits }) }),
    ...(consent !== undefined && { consent }),
    ...(locale !== undefined && { locale }),
  })
  return { subject, times }
}

/** jose's not-before and expiry checks (whole seconds, with the tolerance), then the lifetime rules. */
function checkTimes({ exp, iat, nbf }: TokenTimes, now: Date, maxLifetimeS: number): void {
  const epochS = Math.floor(now.getTime() / 1000)
  if (nbf !== undefined && nbf > epochS + CLOCK_TOLERANCE_S) throw new TokenError('invalid_token', 'The user token is not valid.')
  if (exp <= epochS - CLOCK_TOLERANCE_S) throw new TokenError('token_expired', 'The user token has expired.')
  const nowS = now.getTime() / 1000
  if (exp - nowS > maxLifetimeS + CLOCK_TOLERANCE_S || (iat !== undefined && exp - iat > maxLifetimeS + CLOCK_TOLERANCE_S)) {
    throw new TokenError('invalid_token', `The user token lives too long: at most ${maxLifetimeS} s are accepted.`)
  }
  if (iat !== undefined && iat > nowS + CLOCK_TOLERANCE_S) throw new TokenError('invalid_token', 'The user token was issued in the future.')
}

/** True when the token carries a valid signature from `key`, expired or not (used to spot misrouted tokens). */
export async function isSignedUserToken(token: string, key: Uint8Array, now: Date): Promise<boolean> {
  try {
    await jwtVerify(token, key, { algorithms: [ALGORITHM], currentDate: now, clockTolerance: CLOCK_TOLERANCE_S })
    return true
  } catch (error) {
    return error instanceof joseErrors.JWTExpired
  }
}
