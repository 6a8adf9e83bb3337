import { createServer } from '../src/server'
import { time, type BenchResult } from './harness'

const API_KEY = 'bench-api-key-0123456789abcdef'
const SECRET = 'bench-signing-secret-0123456789abcdef'

/**
 * Ingest through the real HTTP app on embedded Postgres: one 500-event batch against the same events sent one
 * request at a time — what a host gains by batching (one transaction, one recompute per user).
 */
export async function batchVsSingleIngest(): Promise<BenchResult> {
  const server = await createServer({ apiKey: API_KEY, signingSecret: SECRET, memory: true, rateLimit: false })
  const post = (events: unknown[]) =>
    server.app.request('/v1/events', {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    })
  let run = 0
  const batchOf = (size: number) => {
    run++
    const now = Date.now()
    return Array.from({ length: size }, (_, i) => ({
      id: `r${run}-e${i}`,
      name: i % 3 === 0 ? 'task_added' : 'task_completed',
      userId: `bench-user-${run}-${i % 20}`,
      accountId: `bench-account-${run}`,
      timestamp: new Date(now - (size - i) * 1000).toISOString(),
    }))
  }
  try {
    const single = await time(async () => {
      for (const event of batchOf(500)) await post([event])
    }, 3, 1)
    const batched = await time(() => post(batchOf(500)), 3, 1)
    return {
      name: 'server: ingest 500 events over 20 users (PGlite, through the HTTP app)',
      baseline: { label: '500 requests of one event', ms: single },
      candidate: { label: 'one request of 500 events', ms: batched },
    }
  } finally {
    await server.close()
  }
}

export const serverBenchmarks = [batchVsSingleIngest]
