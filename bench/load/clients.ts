// Load-generating clients for the server bench: autocannon runs (latency percentiles, throughput) and open SSE
// streams that note when each `progress` message arrives.
import http from 'node:http'
import autocannon from 'autocannon'
import { API_KEY, type BenchUser } from './protocol'

/** What one autocannon run measured (autocannon's latencies are whole milliseconds). */
export interface LoadFigures {
  p50: number
  p99: number
  /** Mean latency from throughput (Little's law: connections / requests per second), finer than whole milliseconds. */
  mean: number
  /** Requests per second (mean). */
  rps: number
  /** Answers other than 2xx plus socket errors: a healthy run has none. */
  failures: number
  /** Requests answered in the run. */
  requests: number
}

/** `GET path` at `connections` concurrency for `seconds`, rotating over `tokens` (none: no Authorization). */
export async function loadGet(url: string, path: string, connections: number, seconds: number, tokens: readonly string[] = []): Promise<LoadFigures> {
  let next = 0
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        path,
        setupRequest: (request) => {
          if (tokens.length === 0) return request
          const token = tokens[next++ % tokens.length]
          return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } }
        },
      },
    ],
  })
  return figures(result)
}

let batchRun = 0

/** A batch of `size` fresh events spread over `users` (ids never repeat across the bench). */
export function eventBatch(size: number, users: readonly BenchUser[]): unknown[] {
  batchRun++
  const timestamp = new Date().toISOString()
  return Array.from({ length: size }, (_, i) => {
    const user = users[(batchRun * 7 + i) % users.length]!
    return {
      id: `load-${process.pid}-${batchRun}-${i}`,
      name: i % 3 === 0 ? 'task_added' : 'task_completed',
      userId: user.userId,
      ...(user.accountId !== undefined && { accountId: user.accountId }),
      timestamp,
    }
  })
}

/**
 * `POST /v1/events`: `requests` batches of `batch` events at `connections` concurrency (a count, not a duration, so
 * slow batches are waited for rather than cut off): events per second.
 */
export async function loadIngest(url: string, batch: number, connections: number, requests: number, users: readonly BenchUser[]): Promise<LoadFigures & { eventsPerSecond: number }> {
  const started = performance.now()
  const result = await autocannon({
    url,
    connections,
    amount: requests,
    timeout: 120,
    requests: [
      {
        method: 'POST',
        path: '/v1/events',
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ events: eventBatch(batch, users) }) }),
      },
    ],
  })
  const ok = result.requests.total - result.non2xx
  return { ...figures(result), eventsPerSecond: (ok * batch) / ((performance.now() - started) / 1000) }
}

function figures(result: autocannon.Result): LoadFigures {
  const rps = result.requests.total / (result.duration || 1)
  const failures = result.non2xx + result.errors + result.timeouts
  return { p50: result.latency.p50, p99: result.latency.p99, mean: (1000 * result.connections) / Math.max(rps, 1e-6), rps, failures, requests: result.requests.total }
}

/** One open `GET /v1/me/stream`; `next()` resolves with the arrival time of the next `progress` message. */
export interface OpenStream {
  userId: string
  next(): Promise<number>
  close(): void
}

/** Opens an SSE stream and resolves once its first snapshot has arrived. */
export function openStream(url: string, user: BenchUser): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const waiting: ((at: number) => void)[] = []
    let buffer = ''
    let first = true
    const request = http.get(`${url}/v1/me/stream`, { headers: { authorization: `Bearer ${user.token}`, accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`stream answered ${response.statusCode}`))
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        buffer += chunk
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (!message.startsWith('event: progress')) continue
          const at = performance.now()
          if (first) {
            first = false
            resolve({ userId: user.userId, next: () => new Promise((r) => waiting.push(r)), close: () => request.destroy() })
          } else waiting.shift()?.(at)
        }
      })
    })
    request.on('error', (error) => (first ? reject(error) : undefined))
  })
}

/** Percentile (0–100) of samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}
