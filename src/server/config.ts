import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { demoProgramSource, parseProgram, type LocalizedProgram } from '../core'
import { DEFAULT_MAX_TOKEN_LIFETIME_S, MIN_SECRET_LENGTH } from './auth/user-token'
import { DEFAULT_STREAM_TICKET_TTL_S } from './service'
import { DEFAULT_API_KEY_PER_MINUTE, DEFAULT_AUTH_FAILURES_PER_MINUTE, DEFAULT_USER_PER_MINUTE, type RateLimitOptions } from './http/rate-limit'

/** The port the API listens on when `PORT` is unset. */
export const DEFAULT_PORT = 8787
/** Where the embedded database lives when `CAIRN_DATA_DIR` is unset (relative to the working directory). */
export const DEFAULT_DATA_DIR = '.cairn/data'

/** A stream ticket is meant to be used at once; one living longer than an hour is a token in a URL again. */
const MAX_STREAM_TICKET_TTL_S = 3600

/** A guessable API key is no key; 24 characters of a random token is the floor we accept. */
const MIN_API_KEY_LENGTH = 24

/** Everything the CLI needs to start the server, read from the environment. */
export interface ServerConfig {
  port: number
  /** Postgres URL; unset → embedded PGlite in `dataDir`. */
  databaseUrl?: string
  dataDir: string
  apiKey: string
  signingSecret: string
  /** As written, per-locale text included. */
  program: LocalizedProgram
  /** Seed the demo cohort into an empty embedded database (`CAIRN_SEED=0` turns it off). */
  seed: boolean
  /** Browser origins allowed by CORS (`CAIRN_CORS_ORIGINS`, comma-separated). @default '*' */
  corsOrigins: string | string[]
  /** `CAIRN_RATE_LIMIT_API_KEY`, `CAIRN_RATE_LIMIT_USER`, `CAIRN_RATE_LIMIT_AUTH_FAILURES` (per minute; `0` everywhere turns limits off). */
  rateLimit: RateLimitOptions | false
  /** `CAIRN_TOKEN_MAX_LIFETIME_S`: the longest user token lifetime accepted. @default 86400 */
  tokenMaxLifetimeS: number
  /** `CAIRN_STREAM_TICKET_TTL_S`: seconds a stream ticket stays valid (1–3600). @default 60 */
  streamTicketTtlS: number
  /** `CAIRN_TRUST_PROXY=1`: client addresses come from `X-Forwarded-For`. @default false */
  trustProxy: boolean
  /** `CAIRN_PUBLIC_URL`: the address people reach this server at, used in share links. @default unset: the request's own origin */
  publicUrl?: string
  /** Which secrets were generated for this run because they were unset (development only). */
  generated: ('CAIRN_API_KEY' | 'CAIRN_SIGNING_SECRET')[]
}

/** Configuration that cannot work; `problems` are printed one per line and the process exits 1. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

type Env = Record<string, string | undefined>

/**
 * Reads `PORT`, `DATABASE_URL`, `CAIRN_DATA_DIR`, `CAIRN_API_KEY`, `CAIRN_SIGNING_SECRET`, `CAIRN_PROGRAM`,
 * `CAIRN_SEED`, `CAIRN_CORS_ORIGINS`, the `CAIRN_RATE_LIMIT_*` limits, `CAIRN_TOKEN_MAX_LIFETIME_S`, `CAIRN_STREAM_TICKET_TTL_S`, `CAIRN_TRUST_PROXY` and `CAIRN_PUBLIC_URL`. Outside production, missing secrets are generated for this run;
 * with `NODE_ENV=production` they are required. Throws `ConfigError` listing every problem.
 */
export function loadConfig(env: Env = process.env): ServerConfig {
  const problems: string[] = []
  const production = env.NODE_ENV === 'production'
  const generated: ServerConfig['generated'] = []
  const secret = (name: 'CAIRN_API_KEY' | 'CAIRN_SIGNING_SECRET', minLength: number): string => {
    const value = env[name]?.trim()
    if (value) {
      if (value.length < minLength) problems.push(`${name} must be at least ${minLength} characters long.`)
      return value
    }
    if (production) problems.push(`${name} is required when NODE_ENV=production.`)
    generated.push(name)
    return randomBytes(32).toString('base64url')
  }
  const apiKey = secret('CAIRN_API_KEY', MIN_API_KEY_LENGTH)
  const signingSecret = secret('CAIRN_SIGNING_SECRET', MIN_SECRET_LENGTH)
  const port = readPort(env.PORT, problems)
  const limit = (name: string, fallback: number) => readPositiveInt(env, name, fallback, problems)
  const perMinute = {
    apiKeyPerMinute: limit('CAIRN_RATE_LIMIT_API_KEY', DEFAULT_API_KEY_PER_MINUTE),
    userPerMinute: limit('CAIRN_RATE_LIMIT_USER', DEFAULT_USER_PER_MINUTE),
    authFailuresPerMinute: limit('CAIRN_RATE_LIMIT_AUTH_FAILURES', DEFAULT_AUTH_FAILURES_PER_MINUTE),
  }
  const allOff = Object.values(perMinute).every((n) => n === 0)
  if (!allOff && Object.values(perMinute).some((n) => n === 0)) problems.push('Rate limits are switched off together: set all CAIRN_RATE_LIMIT_* to 0, or none.')
  const tokenMaxLifetimeS = limit('CAIRN_TOKEN_MAX_LIFETIME_S', DEFAULT_MAX_TOKEN_LIFETIME_S)
  if (tokenMaxLifetimeS === 0) problems.push('CAIRN_TOKEN_MAX_LIFETIME_S must be at least 1.')
  const streamTicketTtlS = limit('CAIRN_STREAM_TICKET_TTL_S', DEFAULT_STREAM_TICKET_TTL_S)
  if (streamTicketTtlS === 0 || streamTicketTtlS > MAX_STREAM_TICKET_TTL_S) {
    problems.push(`CAIRN_STREAM_TICKET_TTL_S must be between 1 and ${MAX_STREAM_TICKET_TTL_S} seconds, got "${env.CAIRN_STREAM_TICKET_TTL_S}".`)
  }
  let program: LocalizedProgram = demoProgramSource
  if (env.CAIRN_PROGRAM) {
    try {
      program = loadProgramFile(env.CAIRN_PROGRAM)
    } catch (error) {
      if (error instanceof ConfigError) problems.push(...error.problems)
      else throw error
    }
  }
  const publicUrl = readPublicUrl(env.CAIRN_PUBLIC_URL, problems)
  if (problems.length > 0) throw new ConfigError(problems)
  const origins = env.CAIRN_CORS_ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean) ?? []
  return {
    port,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dataDir: env.CAIRN_DATA_DIR || DEFAULT_DATA_DIR,
    apiKey,
    signingSecret,
    program,
    seed: env.CAIRN_SEED !== '0',
    corsOrigins: origins.length > 0 ? origins : '*',
    rateLimit: allOff ? false : perMinute,
    tokenMaxLifetimeS,
    streamTicketTtlS,
    trustProxy: env.CAIRN_TRUST_PROXY === '1',
    ...(publicUrl !== undefined && { publicUrl }),
    generated,
  }
}

/** An absolute http(s) URL without query or fragment; a path prefix is kept, a trailing slash dropped. */
function readPublicUrl(value: string | undefined, problems: string[]): string | undefined {
  const raw = value?.trim()
  if (!raw) return undefined
  let url: URL | undefined
  try {
    url = new URL(raw)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    problems.push(`CAIRN_PUBLIC_URL must be an absolute http(s) URL without credentials, query or fragment, e.g. https://progress.example.com (got "${raw}").`)
    return undefined
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/** Reads and validates a program JSON file; every schema problem is reported with its path. */
export function loadProgramFile(path: string): LocalizedProgram {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigError([`CAIRN_PROGRAM: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`])
  }
  const parsed = parseProgram(text)
  if (!parsed.ok) {
    throw new ConfigError(parsed.errors.map((e) => `CAIRN_PROGRAM ${path}: ${e.path || '(root)'} ${e.message}`))
  }
  // As written: the API answers each reader in their own language.
  return parsed.source
}

/** A whole number ≥ 0 from the environment, or `fallback` when unset. */
function readPositiveInt(env: Env, name: string, fallback: number, problems: string[]): number {
  const value = env[name]
  if (value === undefined || value.trim() === '') return fallback
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 0) {
    problems.push(`${name} must be a whole number ≥ 0, got "${value}".`)
    return fallback
  }
  return n
}

function readPort(value: string | undefined, problems: string[]): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    problems.push(`PORT must be an integer between 0 and 65535, got "${value}".`)
    return DEFAULT_PORT
  }
  return port
}
