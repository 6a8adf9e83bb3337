import type { MeProgress } from '../../core'
import { isAbortError } from '../abort'
import { CairnError } from '../source'
import { backoffDelay, type RetryOptions } from './retry'
import { validateMeProgress } from '../validate'

/** The part of the browser's EventSource the live connection uses, so tests and polyfills can stand in. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void
  close(): void
}
export type EventSourceConstructor = new (url: string) => EventSourceLike

/**
 * Stream failures in a row (without one successful open between) before we give up on SSE and poll:
 * some proxies buffer or block event streams, and then every reconnect fails the same way.
 */
export const SSE_FAILURES_BEFORE_POLLING = 3

export interface LiveOptions {
  mode: 'sse' | 'poll'
  /** Undefined where the platform has none (Node, old browsers): we poll instead. */
  EventSource: EventSourceConstructor | undefined
  /**
   * The URL of one stream connection, carrying a fresh single-use ticket (`POST /v1/me/stream-ticket`, which
   * refreshes the token on 401): EventSource cannot send headers, and a used ticket in a log is worth nothing.
   */
  streamUrl(signal: AbortSignal): Promise<string>
  fetchProgress(signal: AbortSignal): Promise<MeProgress>
  pollIntervalMs: number
  retry: RetryOptions
  random: () => number
  onProgress(progress: MeProgress): void
  onError(error: Error): void
  /** A part of an update was left out (an unsafe link); the rest was delivered. */
  onWarning(error: Error): void
}

/**
 * Keeps progress live: SSE `progress` events, reconnecting with backoff (each connection with a fresh ticket:
 * a used one cannot open another stream, which is why the browser's own reconnects are never left to run), then polling `GET /v1/me/progress` when SSE is missing or keeps
 * failing. Returns a stop function that clears every timer, closes the stream and aborts any poll.
 */
export function startLive(options: LiveOptions): () => void {
  const controller = new AbortController()
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let stream: EventSourceLike | undefined
  let failures = 0
  let hasOpened = false

  const report = (error: unknown) => {
    if (stopped || isAbortError(error)) return
    options.onError(error instanceof Error ? error : new CairnError('network', String(error)))
  }
  const after = (ms: number, run: () => void) => {
    clearTimeout(timer)
    timer = setTimeout(run, ms)
  }
  const fetchNow = () => options.fetchProgress(controller.signal).then((p) => !stopped && options.onProgress(p), report)

  const poll = (immediately: boolean) => {
    if (stopped) return
    if (immediately) void fetchNow().finally(() => poll(false))
    else after(options.pollIntervalMs, () => poll(true))
  }

  const receive = (data: unknown) => {
    let json: unknown
    try {
      json = JSON.parse(String(data))
    } catch {
      return report(new CairnError('invalid_response', 'A live update was not valid JSON'))
    }
    try {
      options.onProgress(validateMeProgress(json, options.onWarning))
    } catch (error) {
      report(error)
    }
  }

  const reconnectOrPoll = () => {
    if (stopped) return
    if (failures >= SSE_FAILURES_BEFORE_POLLING) return poll(true)
    after(backoffDelay(failures - 1, options.retry, options.random), () => void connect())
  }

  const connect = async () => {
    let url: string
    try {
      url = await options.streamUrl(controller.signal)
    } catch (error) {
      report(error)
      failures++
      return reconnectOrPoll()
    }
    if (stopped) return
    const EventSourceImpl = options.EventSource!
    const source = new EventSourceImpl(url)
    stream = source
    source.addEventListener('open', () => {
      if (stream !== source) return
      // Anything that changed while we were disconnected (or since the initial load) arrives now.
      if (hasOpened || failures > 0) void fetchNow()
      hasOpened = true
      failures = 0
    })
    source.addEventListener('progress', (event) => {
      if (stream === source) receive(event.data)
    })
    source.addEventListener('error', () => {
      if (stream !== source) return
      // We own reconnection: the browser's own would resend the used ticket (and gives up on HTTP errors).
      source.close()
      stream = undefined
      failures++
      report(new CairnError('network', 'Live updates were interrupted; reconnecting'))
      reconnectOrPoll()
    })
  }

  if (options.mode === 'sse' && options.EventSource) void connect()
  else poll(false)

  return () => {
    stopped = true
    clearTimeout(timer)
    stream?.close()
    stream = undefined
    controller.abort()
  }
}
