import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import type pg from 'pg'
import type { PostgresConnectionConfig, Queryable } from '../storage'
import { PROGRESS_CHANNEL, type ProgressBus, type ProgressChange } from './types'

/** First wait after a lost LISTEN connection; doubles up to the maximum so a down database is not hammered. */
const RECONNECT_INITIAL_MS = 250
const RECONNECT_MAX_MS = 10_000

/** Connections the Postgres bus uses. */
export interface PostgresBusOptions {
  /** Where the dedicated LISTEN connection connects. */
  client: PostgresConnectionConfig
  /** Sends NOTIFY (any pooled connection will do). */
  notifier: Queryable
}

/**
 * LISTEN/NOTIFY fan-out. Local subscribers hear a change at once; other processes hear it through
 * `cairn_progress` with payload `{programId, userId}` (plus the sender's `origin`, so the sender skips its own echo).
 */
export function createPostgresBus(options: PostgresBusOptions): ProgressBus {
  const origin = randomUUID()
  const local = new EventEmitter()
  local.setMaxListeners(0)
  // The connection being opened or in use; events from any older one are ignored.
  let client: pg.Client | undefined
  let closed = false
  let delay = RECONNECT_INITIAL_MS
  let timer: NodeJS.Timeout | undefined
  let connectedOnce = false
  let resolveReady!: () => void
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve))

  const onNotification = (message: pg.Notification) => {
    if (message.channel !== PROGRESS_CHANNEL || !message.payload) return
    const change = parseChange(message.payload)
    if (change && change.origin !== origin) local.emit('change', { programId: change.programId, userId: change.userId })
  }

  const connect = async () => {
    if (closed) return
    // Loaded here, not at the top: `pg` is an optional peer dependency that only Postgres hosts install.
    const { Client } = (await import('pg')).default
    const next = new Client(options.client)
    client = next
    next.on('notification', onNotification)
    next.on('error', () => scheduleReconnect(next))
    next.on('end', () => scheduleReconnect(next))
    try {
      await next.connect()
      await next.query(`LISTEN ${PROGRESS_CHANNEL}`)
    } catch {
      scheduleReconnect(next)
      return
    }
    if (closed || client !== next) return void next.end().catch(() => {})
    delay = RECONNECT_INITIAL_MS
    if (connectedOnce) local.emit('resync')
    connectedOnce = true
    resolveReady()
  }

  const scheduleReconnect = (failed: pg.Client) => {
    failed.removeAllListeners()
    failed.on('error', () => {})
    failed.end().catch(() => {})
    if (closed || timer || client !== failed) return
    client = undefined
    timer = setTimeout(() => {
      timer = undefined
      void connect()
    }, delay)
    delay = Math.min(delay * 2, RECONNECT_MAX_MS)
  }

  void connect()

  return {
    publish: async (change) => {
      local.emit('change', change)
      await options.notifier.query('SELECT pg_notify($1, $2)', [PROGRESS_CHANNEL, JSON.stringify({ ...change, origin })])
    },
    publishAll: async (changes) => {
      if (changes.length === 0) return
      for (const change of changes) local.emit('change', change)
      await options.notifier.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
        PROGRESS_CHANNEL,
        changes.map((change) => JSON.stringify({ ...change, origin })),
      ])
    },
    subscribe: (onChange, onResync) => {
      local.on('change', onChange)
      if (onResync) local.on('resync', onResync)
      return () => {
        local.off('change', onChange)
        if (onResync) local.off('resync', onResync)
      }
    },
    ready: () => readyPromise,
    close: async () => {
      closed = true
      if (timer) clearTimeout(timer)
      local.removeAllListeners()
      resolveReady()
      const current = client
      client = undefined
      if (current) {
        current.removeAllListeners()
        current.on('error', () => {})
        await current.end().catch(() => {})
      }
    },
  }
}

function parseChange(payload: string): (ProgressChange & { origin?: string }) | undefined {
  try {
    const value = JSON.parse(payload) as Record<string, unknown>
    if (typeof value.programId !== 'string' || typeof value.userId !== 'string') return undefined
    return { programId: value.programId, userId: value.userId, ...(typeof value.origin === 'string' ? { origin: value.origin } : {}) }
  } catch {
    return undefined
  }
}
