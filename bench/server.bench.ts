// `npm run bench -- server`: a real server on localhost (its own process) under autocannon, with 200 open SSE
// streams, on PGlite and — with CAIRN_BENCH_DATABASE_URL (or CAIRN_TEST_DATABASE_URL) — on Postgres. Baselines in
// the same run: a trivial Hono route in the server's process, and raw multi-row INSERTs into the same database.
// BENCH_SECONDS (default 2) is each load run's length, BENCH_ROUNDS (default 3) the repeated rounds for memory,
// BENCH_ACCOUNTS (default 300: the demo's 839 subjects) the seeded cohort; BENCH_SERVER_FLAGS adds Node flags to the
// server process (`--cpu-prof --cpu-prof-dir=.prof` to profile it); BENCH_SERVER_PARTS=progress runs only the progress
// loads (and a tighter profile of them). A default run takes about a minute per database.
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { BenchResult } from './harness'
import { eventBatch, loadGet, loadIngest, openStream, percentile, type LoadFigures, type OpenStream } from './load/clients'
import { API_KEY, type BenchUser, type ChildReply, type ChildRequest, type ChildStart } from './load/protocol'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 300)
const STREAMS = 200
/** Requests per ingest run, by batch size (a count, so a slow server is measured rather than cut off). */
const INGEST_BATCHES: Record<number, number> = { 1: 200, 100: 12, 500: 8 }
const PROBES = 20
/** Which parts run: `progress` stops after the progress loads (every part runs when unset). */
const ONLY_PROGRESS = process.env.BENCH_SERVER_PARTS === 'progress'
const MB = 1024 * 1024

/** A request before the bench numbers it. */
type Unnumbered = ChildRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never

interface Child {
  port: number
  helloPort: number
  users: BenchUser[]
  subjects: number
  ask<T extends ChildReply>(request: Unnumbered): Promise<T>
}

function startChild(start: ChildStart): Promise<Child & { process: ChildProcess }> {
  const child = fork(fileURLToPath(new URL('./load/server-process.ts', import.meta.url)), [], {
    execArgv: ['--expose-gc', '--import', 'tsx', ...(process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, BENCH_CHILD: JSON.stringify(start) },
  })
  let nextId = 0
  const pending = new Map<number, (reply: ChildReply) => void>()
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)))
    child.on('message', (reply: ChildReply) => {
      if (reply.type === 'ready') {
        resolve({
          process: child,
          ...reply,
          ask: <T extends ChildReply>(request: Unnumbered) =>
            new Promise<T>((done) => {
              const id = ++nextId
              pending.set(id, done as (reply: ChildReply) => void)
              child.send({ ...request, id })
            }),
        })
      } else pending.get(reply.id)?.(reply)
    })
  })
}

/** Acknowledgement of one event → the `progress` message on its user's stream, `samples` times, one at a time. */
async function deliveryLatency(url: string, probes: readonly { user: BenchUser; stream: OpenStream }[], samples: number): Promise<number[]> {
  const latencies: number[] = []
  for (let i = 0; i < samples; i++) {
    const { user, stream } = probes[i % probes.length]!
    const pushed = stream.next()
    const response = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: eventBatch(1, [user]) }),
    })
    const acked = performance.now()
    await response.body?.cancel()
    latencies.push(Math.max(0, (await pushed) - acked))
  }
  return latencies
}

const ms = (value: number) => `${value.toFixed(1)} ms`

async function loadRun(label: string, databaseUrl: string | undefined): Promise<BenchResult[]> {
  const child = await startChild({ accounts: ACCOUNTS, users: STREAMS, ...(databaseUrl && { databaseUrl }) })
  const url = `http://127.0.0.1:${child.port}`
  const hello = `http://127.0.0.1:${child.helloPort}`
  const where = `${label}, ${child.subjects} subjects, ${STREAMS} open SSE streams`
  const results: BenchResult[] = []
  const rss = async () => (await child.ask<Extract<ChildReply, { type: 'rss' }>>({ type: 'rss' })).rss
  const streams = await Promise.all(child.users.map((user) => openStream(url, user)))
  try {
    const rssStart = await rss()
    const tokens = child.users.map((user) => user.token)
    const cpu = async () => (await child.ask<Extract<ChildReply, { type: 'cpu' }>>({ type: 'cpu' })).micros
    /** The server process's CPU time per request answered (steadier than latency on a busy machine). */
    const cpuPerRequest = async (run: () => Promise<LoadFigures>) => {
      const before = await cpu()
      const figures = await run()
      return { figures, micros: (await cpu() - before) / Math.max(figures.requests, 1) }
    }
    for (const connections of [1, 50, 200]) {
      const base = await cpuPerRequest(() => loadGet(hello, '/hello', connections, SECONDS))
      const progress = await cpuPerRequest(() => loadGet(url, '/v1/me/progress', connections, SECONDS, tokens))
      const { p50, p99, rps, mean } = base.figures
      results.push({
        name: `server: GET /v1/me/progress mean latency at concurrency ${connections} (${where})`,
        baseline: { label: `hello route, same process (p50 ${ms(p50)}, p99 ${ms(p99)}, ${rps.toFixed(0)} req/s, CPU ${base.micros.toFixed(0)} µs/req)`, ms: mean },
        candidate: {
          label: `progress (p50 ${ms(progress.figures.p50)}, p99 ${ms(progress.figures.p99)}, ${progress.figures.rps.toFixed(0)} req/s, CPU ${progress.micros.toFixed(0)} µs/req, ${progress.figures.failures} failed)`,
          ms: progress.figures.mean,
        },
        note: 'mean = connections / throughput (autocannon rounds percentiles to whole ms); CPU = the server process\'s user + system time per request; target ≤ ×3, progress p50 < 10 ms, p99 < 50 ms',
      })
    }
    if (ONLY_PROGRESS) return results

    // Probes stream for users whose accounts receive no load, so each push they see is their own event's.
    const probes = child.users.slice(0, PROBES).map((user, i) => ({ user, stream: streams[i]! }))
    const probeAccounts = new Set(probes.map((p) => p.user.accountId ?? p.user.userId))
    const loaded = child.users.slice(PROBES).filter((user) => !probeAccounts.has(user.accountId ?? user.userId))
    const quiet = await deliveryLatency(url, probes, 40)
    const [busy] = await Promise.all([deliveryLatency(url, probes, 20), loadIngest(url, 100, 4, 10, loaded)])
    results.push({
      name: `server: acknowledgement → SSE progress message (${where})`,
      baseline: { label: 'target p99', ms: 50 },
      candidate: { label: `p99, quiet (p50 ${ms(percentile(quiet, 50))}; under ingest of 100-event batches p50 ${ms(percentile(busy, 50))}, p99 ${ms(percentile(busy, 99))})`, ms: percentile(quiet, 99) },
    })

    for (const batch of [1, 100, 500]) {
      const raw = (await child.ask<Extract<ChildReply, { type: 'raw-insert' }>>({ type: 'raw-insert', batch, seconds: SECONDS })).eventsPerSecond
      const ingest = await loadIngest(url, batch, 4, INGEST_BATCHES[batch]!, loaded)
      results.push({
        name: `server: ingest ${INGEST_BATCHES[batch]} batches of ${batch}, 4 connections (${where})`,
        baseline: { label: `raw multi-row INSERT, same database (${raw.toFixed(0)} events/s)`, ms: 1e6 / raw },
        candidate: { label: `POST /v1/events (${ingest.eventsPerSecond.toFixed(0)} events/s, p99 ${ms(ingest.p99)}, ${ingest.failures} failed)`, ms: 1e6 / Math.max(ingest.eventsPerSecond, 1e-6) },
        unit: 'µs/event',
        note: 'target ≤ ×3 of raw, ≥ 5,000 events/s in batches of 500',
      })
    }

    const rounds: string[] = []
    const throughput: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const ingest = await loadIngest(url, 500, 4, INGEST_BATCHES[500]!, loaded)
      await loadGet(url, '/v1/me/progress', 200, SECONDS, tokens)
      throughput.push(ingest.eventsPerSecond.toFixed(0))
      rounds.push((await rss() / MB).toFixed(0))
    }
    const rssEnd = await rss()
    results.push({
      name: `server: resident memory across ${ROUNDS} identical rounds of ingest (500-event batches) + progress at 200 (${where})`,
      baseline: { label: 'after seeding and opening the streams', ms: rssStart / MB },
      candidate: { label: `after the last round (each round: ${rounds.join(' → ')} MB; events/s ${throughput.join(' → ')})`, ms: rssEnd / MB },
      unit: 'MB',
      note: 'target: flat across rounds',
    })
    return results
  } finally {
    for (const stream of streams) stream.close()
    const exited = new Promise((resolve) => child.process.once('exit', resolve))
    child.process.send({ type: 'close', id: 0 })
    await exited
  }
}

export const serverLoadPglite = () => loadRun('PGlite', undefined)
const postgresUrl = process.env.CAIRN_BENCH_DATABASE_URL ?? process.env.CAIRN_TEST_DATABASE_URL
export const serverLoadPostgres = () => loadRun('Postgres', postgresUrl)

export const serverBenchmarks = postgresUrl ? [serverLoadPglite, serverLoadPostgres] : [serverLoadPglite]
