import type { Digest } from '../../core'
import { isAbortError } from '../abort'
import { ListenerSet } from '../listeners'
import { CairnError, type Source } from '../source'
import { eventFromInput } from '../track-input'
import { createProgramLoader } from './etag'
import type { EventSourceConstructor } from './live'
import { createHttpClient } from './request'
import { backoffDelay, DEFAULT_RETRY, DEFAULT_RETRY_DEPS, type RetryOptions } from './retry'
import type { ShareKit } from './share-requests'
import { createTokenProvider } from './token'
import { obj, refine, str, text, validate, validateDigest, validateIngestResult, validateMeProgress, validateStreamTicket } from '../validate'

/** Polling every 30 s keeps a widget without SSE fresh enough while costing the API almost nothing. */
export const DEFAULT_POLL_INTERVAL_MS = 30_000

/**
 * Stream failures in a row (without one successful open between) before we give up on SSE and poll:
 * some proxies buffer or block event streams, and then every reconnect fails the same way.
 */
export const SSE_FAILURES_BEFORE_POLLING = 3

export interface HttpSourceOptions {
  /** Where the Cairn API lives, e.g. `https://cairn.example.com` (no `/v1`). */
  baseUrl: string
  /** Returns the user token your backend minted; called once, then again only when the API rejects it. */
  getToken: () => string | Promise<string>
  /** @default globalThis.fetch (looked up at call time) */
  fetch?: typeof fetch
  /** How progress stays live: server-sent events, polling, or not at all. @default 'sse' */
  live?: 'sse' | 'poll' | false
  /** Interval of the polling fallback. @default 30000 */
  pollIntervalMs?: number
  /** How long one attempt may take before it is abandoned and retried like a network failure. @default 15000 */
  timeoutMs?: number
  /** Backoff for failed requests and stream reconnects. @default { retries: 4, baseMs: 500, maxMs: 15000 } */
  retry?: Partial<RetryOptions>
  /** EventSource implementation (polyfills, tests); without one, live updates poll. @default globalThis.EventSource */
  EventSource?: EventSourceConstructor
  /** Jitter source. @default Math.random */
  random?: () => number
  /** Backoff waits; must reject when `signal` aborts. @default a setTimeout-based sleep */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

/** A `Source` backed by the Cairn HTTP API (§4), safe to create during SSR (nothing runs until it is used). */
export function httpSource(options: HttpSourceOptions): Source & Required<Pick<Source, 'share' | 'unshare' | 'dispose'>> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const lifetime = new AbortController()
  const retry = { ...DEFAULT_RETRY, ...options.retry }
  const deps = { ...DEFAULT_RETRY_DEPS, ...(options.random && { random: options.random }), ...(options.sleep && { sleep: options.sleep }) }
  const token = createTokenProvider(options.getToken)
  const client = createHttpClient({
    baseUrl,
    fetch: () => options.fetch ?? globalThis.fetch,
    token,
    retry,
    deps,
    lifetime: lifetime.signal,
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  })
  const loadProgram = createProgramLoader(client)
  const listeners = new ListenerSet()
  const warnListeners = (error: Error) => listeners.warning(error)
  const fetchProgress = async (signal?: AbortSignal, onLeftOut: (error: Error) => void = warnListeners) =>
    validateMeProgress((await client.request('/v1/me/progress', signal && { signal })).body, onLeftOut)

  let stopLive: (() => void) | null = null
  const live = options.live ?? 'sse'

  // The live connection's code arrives with the first subscription (see live.ts); stopping before it has
  // arrived means it never starts.
  const startLiveUpdates = () => {
    if (live === false || stopLive || lifetime.signal.aborted) return
    let stopped = false
    let stop: (() => void) | undefined
    stopLive = () => {
      stopped = true
      stop?.()
    }
    import('./live').then(
      ({ startLive }) => {
        if (stopped) return
        stop = startLive({
          mode: live,
          EventSource: options.EventSource ?? (globalThis as { EventSource?: EventSourceConstructor }).EventSource,
          // The user token stays in headers: in the URL it would sit in every access log the stream passes.
          streamUrl: async (signal) =>
            `${baseUrl}/v1/me/stream?ticket=${encodeURIComponent(validateStreamTicket((await client.request('/v1/me/stream-ticket', { method: 'POST', signal })).body))}`,
          fetchProgress,
          pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
          failuresBeforePolling: SSE_FAILURES_BEFORE_POLLING,
          backoff: (attempt) => backoffDelay(attempt, retry, deps.random),
          // A live update passes the same checks as `GET /v1/me/progress`.
          validate: (json) => validateMeProgress(json, warnListeners),
          error: (code, message) => new CairnError(code, message),
          isAbortError,
          onProgress: (progress) => listeners.progress(progress),
          onError: (error) => listeners.error(error),
        })
      },
      (error: unknown) => {
        if (!stopped) listeners.error(new CairnError('network', 'Live updates could not start (their code did not load)', undefined, error))
      },
    )
  }
  // The share requests arrive with the first share or revoke (see share-requests.ts).
  const shareKit: ShareKit = { client, check: { obj, refine, str, text, validate } }
  const shareRequests = () =>
    import('./share-requests').catch((error: unknown) => {
      throw new CairnError('network', 'Sharing could not start (its code did not load)', undefined, error)
    })
  const stopLiveUpdates = () => {
    stopLive?.()
    stopLive = null
  }

  return {
    async load(signal) {
      const warnings: Error[] = []
      const collect = (error: Error) => void warnings.push(error)
      const [program, progress] = await Promise.all([loadProgram(signal, collect), fetchProgress(signal, collect)])
      return { program, progress, ...(warnings.length > 0 && { warnings }) }
    },

    subscribe(listener) {
      if (lifetime.signal.aborted) return () => {}
      const remove = listeners.add(listener)
      startLiveUpdates() // one connection shared by every subscriber
      return () => {
        remove()
        if (listeners.size === 0) stopLiveUpdates()
      }
    },

    async track(input) {
      // Validated before any network work, so a bad call fails fast with `invalid_input`.
      // No user or account id: the server stamps both from the verified token (a guess here could only disagree).
      const event = eventFromInput(input, {}, new Date())
      const response = await client.request('/v1/me/events', { method: 'POST', body: { events: [event] } })
      const rejected = validateIngestResult(response.body).rejected[0]
      if (rejected) throw new CairnError('invalid_input', rejected.error.message, response.status, rejected.error)
      // Without a live channel nobody would tell subscribers what this event changed. The event is in
      // either way, so a failed refresh is connection trouble for listeners, not a failed track.
      if (live === false && listeners.size > 0) await fetchProgress().then((p) => listeners.progress(p), (e: Error) => listeners.error(e))
    },

    async ackCelebration(id) {
      await client.request(`/v1/me/celebrations/${encodeURIComponent(id)}/seen`, { method: 'POST' })
    },

    async digest(period, signal): Promise<Digest> {
      const response = await client.request(`/v1/me/digest?period=${period}`, signal && { signal })
      return validateDigest(response.body, warnListeners)
    },

    share: (kind, refId, options) => shareRequests().then((m) => m.createShare(shareKit, kind, refId, options)),
    unshare: (id) => shareRequests().then((m) => m.revokeShare(shareKit, id)),

    dispose() {
      stopLiveUpdates()
      listeners.clear()
      lifetime.abort()
    },
  }
}
