import type { MeProgress } from '../../core'

// Loaded with import() on the first subscription (`httpSource`), after the first render's requests are on
// their way. It imports nothing at run time: what it shares with the always loaded client (errors, validation,
// backoff) comes in through `LiveOptions`, since a shared import would put a shared chunk in every first load.

/** The part of the browser's EventSource the live connection uses, so tests and polyfills can stand in. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void
  close(): void
}
export type EventSourceConstructor = new (url: string) => EventSourceLike

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
  /** Stream failures in a row before polling instead (`SSE_FAILURES_BEFORE_POLLING`). */
  failuresBeforePolling: number
  /** Wait before reconnect attempt `attempt` (0-based): the client's backoff with jitter. */
  backoff(attempt: number): number
  /** A live update's parsed JSON as validated progress; throws a `CairnError('invalid_response')` when it is not. */
  validate(json: unknown): MeProgress
  /** A `CairnError` with `code` and `message`. */
  error(code: 'network' | 'invalid_response', message: string): Error
  /** True for errors that only mean "cancelled" (never reported). */
  isAbortError(error: unknown): boolean
  onProgress(progress: MeProgress): void
  onError(error: Error): void
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
    if (stopped || options.isAbortError(error)) return
    options.onError(error instanceof Error ? error : options.error('network', String(error)))
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
      return report(options.error('invalid_response', 'A live update was not valid JSON'))
    }
    try {
      options.onProgress(options.validate(json))
    } catch (error) {
      report(error)
    }
  }

  const reconnectOrPoll = () => {
    if (stopped) return
    if (failures >= options.failuresBeforePolling) return poll(true)
    after(options.backoff(failures - 1), () => void connect())
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
      report(options.error('network', 'Live updates were interrupted; reconnecting'))
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
