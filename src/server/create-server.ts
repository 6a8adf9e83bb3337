import { serve, type ServerType } from '@hono/node-server'
import type { Hono } from 'hono'
import { demoProgramSource, type LocalizedProgram } from '../core'
import { createApp, DEFAULT_API_KEY_LABEL } from './app'
import { loadProgramFile, DEFAULT_PORT } from './config'
import type { AppEnv } from './http/app-env'
import type { ErrorLogger } from './http/error-handlers'
import type { RateLimitOptions } from './http/rate-limit'
import { isSeeded, seedDemo, type SeedSummary } from './seed'
import { createService, type SchedulerOptions } from './service'
import type { CairnService } from './service-types'
import { openStorage } from './storage'

/** Options of `createServer`. Only the two secrets are required. */
export interface CreateServerOptions {
  /** `CAIRN_API_KEY`: the credential of the host's backend. */
  apiKey: string
  /** `CAIRN_SIGNING_SECRET`: signs user tokens (at least 32 characters). */
  signingSecret: string
  /**
   * The program as written (per-locale text is answered in each reader's language) to start with: the first
   * version of an empty database, or published as a new version when its version string is new (the database
   * otherwise keeps the version activated last). @default the file at `CAIRN_PROGRAM`, else the demo program
   */
  program?: LocalizedProgram
  /** Postgres connection string. @default process.env.DATABASE_URL, else embedded PGlite */
  databaseUrl?: string
  /** PGlite directory. @default process.env.CAIRN_DATA_DIR ?? '.cairn/data' */
  dataDir?: string
  /** Embedded database in memory (tests, throwaway demos). @default false */
  memory?: boolean
  /** Bring your own service (then `databaseUrl`, `dataDir`, `memory`, `program` and `seed` are ignored, and `close()` leaves it open). */
  service?: CairnService
  /** The clock for evaluation and token expiry. @default () => new Date() */
  now?: () => Date
  /** Requests per minute per credential and failed authentications per address, or `false`. @default { apiKeyPerMinute: 600, userPerMinute: 120, authFailuresPerMinute: 20 } */
  rateLimit?: RateLimitOptions | false
  /** Longest accepted user token lifetime in seconds. @default 86400 */
  tokenMaxLifetimeS?: number
  /** Take the client address from `X-Forwarded-For` (only behind your own proxy). @default false */
  trustProxy?: boolean
  /** The address people reach this server at (share links). @default the request's own origin */
  publicUrl?: string
  /** Seed the demo personas and cohort when the database has no users yet (demo program only). @default false */
  seed?: boolean
  /** Told what was seeded, when seeding happened. */
  onSeeded?: (summary: SeedSummary) => void
  /** Browser origins allowed by CORS. @default '*' */
  corsOrigins?: string | string[]
  /** Milliseconds between SSE heartbeats. @default 15000 */
  heartbeatMs?: number
  /** Seconds a stream ticket stays valid for opening one stream. @default 60 (the CLI reads `CAIRN_STREAM_TICKET_TTL_S`) */
  streamTicketTtlS?: number
  /** Recompute and push progress that changes with time alone (see `createService`). @default true */
  scheduler?: boolean | SchedulerOptions
  /** Receives unexpected errors. @default console.error */
  log?: ErrorLogger
  /**
   * Webhook delivery: private/loopback/plain-http targets and the first retry delay.
   * @default { allowPrivate: process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE === '1', backoffMs: process.env.CAIRN_WEBHOOK_BACKOFF_MS ?? 10000 }
   */
  webhooks?: { allowPrivate?: boolean; backoffMs?: number }
  /** Who the API key stands for in the program version history. @default process.env.CAIRN_API_KEY_LABEL ?? 'api key' */
  apiKeyLabel?: string
  /** Who the start-up program is published by when it becomes a version. @default 'CAIRN_PROGRAM file' when read from it, else 'start-up' */
  publishedBy?: string
}

/** A listening socket started by `listen`. */
export interface RunningServer {
  port: number
  /** `http://localhost:<port>` */
  url: string
  /** Stops accepting connections and waits for open ones to finish. */
  close(): Promise<void>
}

/** The Cairn API: the Hono app (usable without a socket via `app.request`), its service, and lifecycle. */
export interface CairnServer {
  app: Hono<AppEnv>
  service: CairnService
  /** Starts an HTTP listener. @default port 8787; pass 0 for any free port */
  listen(port?: number, hostname?: string): Promise<RunningServer>
  /** Ends SSE streams, closes every listener, then the service (when this server created it). Idempotent. */
  close(): Promise<void>
}

/** A slow client gets this long to finish once shutdown starts; then its connection is cut. */
const SHUTDOWN_GRACE_MS = 5_000
/** How often shutdown looks for keep-alive connections that have just gone idle. */
const IDLE_SWEEP_MS = 50

/** Creates the reference API server: storage (PGlite or Postgres), service and HTTP app. */
export async function createServer(options: CreateServerOptions): Promise<CairnServer> {
  const ownsService = options.service === undefined
  const service = options.service ?? (await openService(options))
  const { app, endStreams } = createApp({
    service,
    apiKey: options.apiKey,
    signingSecret: options.signingSecret,
    ...(options.now && { now: options.now }),
    ...(options.rateLimit !== undefined && { rateLimit: options.rateLimit }),
    ...(options.tokenMaxLifetimeS !== undefined && { tokenMaxLifetimeS: options.tokenMaxLifetimeS }),
    ...(options.trustProxy !== undefined && { trustProxy: options.trustProxy }),
    ...(options.publicUrl !== undefined && { publicUrl: options.publicUrl }),
    ...(options.corsOrigins !== undefined && { corsOrigins: options.corsOrigins }),
    ...(options.heartbeatMs !== undefined && { heartbeatMs: options.heartbeatMs }),
    ...(options.streamTicketTtlS !== undefined && { streamTicketTtlS: options.streamTicketTtlS }),
    ...(options.log && { log: options.log }),
    apiKeyLabel: options.apiKeyLabel ?? (process.env.CAIRN_API_KEY_LABEL?.trim() || DEFAULT_API_KEY_LABEL),
  })
  const listeners = new Set<RunningServer>()
  let closing: Promise<void> | undefined

  return {
    app,
    service,
    async listen(port = DEFAULT_PORT, hostname) {
      const server = await startListening(app, port, hostname)
      const running: RunningServer = {
        port: server.port,
        url: `http://localhost:${server.port}`,
        close: async () => {
          listeners.delete(running)
          await stopListening(server.node)
        },
      }
      listeners.add(running)
      return running
    },
    close() {
      closing ??= (async () => {
        endStreams()
        await Promise.all([...listeners].map((l) => l.close()))
        if (ownsService) await service.close()
      })()
      return closing
    },
  }
}

async function openService(options: CreateServerOptions): Promise<CairnService> {
  const fromFile = options.program === undefined && Boolean(process.env.CAIRN_PROGRAM)
  const program = options.program ?? (process.env.CAIRN_PROGRAM ? loadProgramFile(process.env.CAIRN_PROGRAM) : demoProgramSource)
  const storage = await openStorage({
    ...(options.databaseUrl !== undefined && { databaseUrl: options.databaseUrl }),
    ...(options.dataDir !== undefined && { dataDir: options.dataDir }),
    ...(options.memory !== undefined && { memory: options.memory }),
  })
  const webhooks = { ...webhookSettingsFromEnv(process.env), ...options.webhooks }
  const publishedBy = options.publishedBy ?? (fromFile ? 'CAIRN_PROGRAM file' : 'start-up')
  const service = await createService({ program, storage, webhooks, scheduler: options.scheduler ?? true, publishedBy, ...(options.now && { now: options.now }) }).catch(async (error: unknown) => {
    await storage.close()
    throw error
  })
  try {
    if (options.seed && program.id === demoProgramSource.id && !(await isSeeded(storage, program.id))) {
      const summary = await seedDemo({ service, storage }, options.now ? { now: options.now() } : {})
      options.onSeeded?.(summary)
    }
  } catch (error) {
    await service.close()
    throw error
  }
  return service
}

function startListening(app: Hono<AppEnv>, port: number, hostname: string | undefined): Promise<{ node: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const node = serve({ fetch: app.fetch, port, ...(hostname !== undefined && { hostname }), overrideGlobalObjects: false }, (info) =>
      resolve({ node, port: info.port }),
    )
    node.once('error', reject)
  })
}

function stopListening(node: ServerType): Promise<void> {
  return new Promise((resolve) => {
    const http = 'closeIdleConnections' in node ? node : undefined
    // Keep-alive sockets become idle only after their last response ends (SSE streams end just before
    // this); sweep them promptly instead of waiting for the keep-alive timeout.
    const sweep = setInterval(() => http?.closeIdleConnections(), IDLE_SWEEP_MS)
    const force = setTimeout(() => http?.closeAllConnections(), SHUTDOWN_GRACE_MS)
    node.close(() => {
      clearInterval(sweep)
      clearTimeout(force)
      resolve()
    })
    http?.closeIdleConnections()
  })
}

/** `CAIRN_WEBHOOK_ALLOW_PRIVATE=1` and `CAIRN_WEBHOOK_BACKOFF_MS` (a positive number of milliseconds). */
function webhookSettingsFromEnv(env: Record<string, string | undefined>): { allowPrivate: boolean; backoffMs?: number } {
  const backoff = Number(env.CAIRN_WEBHOOK_BACKOFF_MS)
  return { allowPrivate: env.CAIRN_WEBHOOK_ALLOW_PRIVATE === '1', ...(Number.isFinite(backoff) && backoff > 0 && { backoffMs: backoff }) }
}
