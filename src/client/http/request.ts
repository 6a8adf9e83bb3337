import { abortedError, linkSignals } from '../abort'
import { CairnError } from '../source'
import { HttpError, parseRetryAfter, withRetry, type RetryDeps, type RetryOptions } from './retry'
import type { TokenProvider } from './token'
import { readErrorBody } from '../validate'

/** What every request of one source shares. */
export interface HttpClientConfig {
  /** Without a trailing slash. */
  baseUrl: string
  /** Resolved at call time, so a fetch patched after start-up (tests, polyfills) is still used. */
  fetch: () => typeof fetch
  token: TokenProvider
  retry: RetryOptions
  deps: RetryDeps
  /** Aborts every request of the source when the source is disposed. */
  lifetime: AbortSignal
  /** One attempt that has not answered (headers and body) in this long is abandoned and retried. @default 15000 */
  timeoutMs?: number
}

/** Long enough for a slow mobile link, short enough that a hung connection becomes a retry, not a spinner forever. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000

export interface RequestOptions {
  /** @default 'GET' */
  method?: 'GET' | 'POST' | 'DELETE'
  /** Sent as JSON. */
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal
}

/** A successful answer: `body` is the parsed JSON, or undefined for 204/304/empty bodies. */
export interface JsonResponse {
  status: number
  headers: Headers
  body: unknown
}

export interface HttpClient {
  /** Sends with the user token, refreshes it once on 401, retries transient failures, parses JSON. */
  request(path: string, options?: RequestOptions): Promise<JsonResponse>
}

/** The typed fetch wrapper under every `httpSource` call; every failure is a `CairnError`. */
export function createHttpClient(config: HttpClientConfig): HttpClient {
  /** One attempt under its own deadline: a request that never answers fails as `network` and takes the retry path. */
  async function sendOnce(path: string, options: RequestOptions, token: string, caller: AbortSignal): Promise<JsonResponse> {
    const timeoutMs = config.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
    const deadline = new AbortController()
    const { signal, release } = linkSignals(caller, deadline.signal)
    const timer = setTimeout(() => deadline.abort(), timeoutMs)
    try {
      return await attempt(path, options, token, signal)
    } catch (error) {
      if (deadline.signal.aborted && !caller.aborted) {
        throw new HttpError('network', `The Cairn API did not answer within ${Math.round(timeoutMs / 1000)} s`, undefined, error)
      }
      throw error
    } finally {
      clearTimeout(timer)
      release()
    }
  }

  async function attempt(path: string, options: RequestOptions, token: string, signal: AbortSignal): Promise<JsonResponse> {
    const hasBody = options.body !== undefined
    let response: Response
    try {
      const send = config.fetch()
      response = await send(`${config.baseUrl}${path}`, {
        method: options.method ?? 'GET',
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${token}`,
          ...(hasBody && { 'Content-Type': 'application/json' }),
          ...options.headers,
        },
        ...(hasBody && { body: JSON.stringify(options.body) }),
        signal,
      })
    } catch (cause) {
      if (signal.aborted) throw abortedError()
      throw new HttpError('network', 'Could not reach the Cairn API', undefined, cause)
    }
    if (response.status === 304) return { status: 304, headers: response.headers, body: undefined }

    let text: string
    try {
      text = await response.text()
    } catch (cause) {
      if (signal.aborted) throw abortedError()
      throw new HttpError('network', 'The connection broke while reading the answer', response.status, cause)
    }
    const parsed = parseJson(text)

    if (!response.ok) {
      // Proxies and load balancers answer with HTML pages: their text never reaches an error message.
      const apiError = parsed.ok ? readErrorBody(parsed.value) : undefined
      throw new HttpError(
        response.status === 401 ? 'unauthorized' : 'http',
        apiError?.message ?? `The Cairn API answered ${response.status}`,
        response.status,
        apiError,
        parseRetryAfter(response.headers.get('Retry-After'), config.deps.now()),
      )
    }
    if (text.trim() === '') return { status: response.status, headers: response.headers, body: undefined }
    if (!parsed.ok) throw new CairnError('invalid_response', 'The server sent something that is not JSON', response.status)
    return { status: response.status, headers: response.headers, body: parsed.value }
  }

  async function sendAuthorized(path: string, options: RequestOptions, signal: AbortSignal): Promise<JsonResponse> {
    const token = await config.token.get()
    if (signal.aborted) throw abortedError()
    try {
      return await sendOnce(path, options, token, signal)
    } catch (error) {
      if (!(error instanceof CairnError && error.status === 401)) throw error
      // Tokens are short-lived: one fresh token and one more try, then the 401 stands.
      const fresh = await config.token.refresh(token)
      if (signal.aborted) throw abortedError()
      return await sendOnce(path, options, fresh, signal)
    }
  }

  return {
    async request(path, options = {}) {
      const { signal, release } = linkSignals(config.lifetime, options.signal)
      try {
        return await withRetry(() => sendAuthorized(path, options, signal), config.retry, config.deps, signal)
      } finally {
        release()
      }
    },
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}
