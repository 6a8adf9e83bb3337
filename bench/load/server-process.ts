// The server under load, in its own process so the load generator never shares its event loop: the Cairn app and a
// trivial Hono "hello" app (the baseline) on two localhost ports, seeded with the demo cohort. Driven over IPC by
// `bench/server.bench.ts`; reports its own resident memory and the raw-INSERT baseline of its database.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { demoProgram } from '../../src/core'
import { createServer, createUserToken } from '../../src/server'
import { seedDemo } from '../../src/server/seed'
import { loadCohort, openStorage } from '../../src/server/storage'
import { createService } from '../../src/server/service'
import { API_KEY, SECRET, type ChildReply, type ChildRequest, type ChildStart } from './protocol'

const start = JSON.parse(process.env.BENCH_CHILD ?? '{}') as ChildStart
// A fresh schema for every run on Postgres (dropped at the end): the bench measures the same cohort each time.
const schema = `cairn_bench_${process.pid}`
const storage = await openStorage(start.databaseUrl ? { databaseUrl: start.databaseUrl, schema } : { memory: true })
const service = await createService({ program: demoProgram, storage, scheduler: false, webhooks: { deliver: false } })
const seeded = await seedDemo({ service, storage }, { accounts: start.accounts })
const server = await createServer({ apiKey: API_KEY, signingSecret: SECRET, service, rateLimit: false, heartbeatMs: 60_000, log: () => {} })
const running = await server.listen(0, '127.0.0.1')

const hello = new Hono()
hello.get('/hello', (c) => c.json({ hello: 'world' }))
const helloPort = await new Promise<number>((resolve) => {
  serve({ fetch: hello.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port))
})

const members = await loadCohort(storage, demoProgram.id)
const tokens = await Promise.all(
  members.slice(0, start.users).map(({ subject }) =>
    createUserToken({
      secret: SECRET,
      userId: subject.userId,
      signedUpAt: subject.signedUpAt,
      expiresIn: '2h',
      ...(subject.accountId !== undefined && { accountId: subject.accountId }),
      ...(subject.traits !== undefined && { traits: subject.traits }),
    }).then((token) => ({ userId: subject.userId, accountId: subject.accountId, token })),
  ),
)

let rawRun = 0
/** The baseline of ingest: the same rows inserted with one multi-row INSERT per batch, nothing else. */
async function rawInsert(batch: number, seconds: number): Promise<number> {
  await storage.query(`CREATE TABLE IF NOT EXISTS bench_raw_events (id text PRIMARY KEY, user_id text, name text, ts timestamptz, payload jsonb)`)
  const until = performance.now() + seconds * 1000
  const started = performance.now()
  let events = 0
  while (performance.now() < until) {
    rawRun++
    const rows = Array.from({ length: batch }, (_, i) => ({ id: `raw-${rawRun}-${i}`, userId: `u${i % 20}`, name: 'task_completed', ts: new Date().toISOString() }))
    await storage.query(
      `INSERT INTO bench_raw_events (id, user_id, name, ts, payload)
       SELECT r.id, r.user_id, r.name, r.ts::timestamptz, to_jsonb(r) FROM jsonb_to_recordset($1::jsonb) AS r(id text, user_id text, name text, ts text)`,
      [JSON.stringify(rows.map((r) => ({ id: r.id, user_id: r.userId, name: r.name, ts: r.ts })))],
    )
    events += batch
  }
  return events / ((performance.now() - started) / 1000)
}

const reply = (message: ChildReply) => process.send?.(message)
process.on('message', (message: ChildRequest) => {
  void (async () => {
    if (message.type === 'rss') {
      globalThis.gc?.()
      reply({ type: 'rss', id: message.id, rss: process.memoryUsage().rss })
    } else if (message.type === 'cpu') {
      const { user, system } = process.cpuUsage()
      reply({ type: 'cpu', id: message.id, micros: user + system })
    } else if (message.type === 'raw-insert') {
      reply({ type: 'raw-insert', id: message.id, eventsPerSecond: await rawInsert(message.batch, message.seconds) })
    } else if (message.type === 'close') {
      await server.close()
      if (start.databaseUrl) await storage.query(`DROP SCHEMA ${schema} CASCADE`)
      await service.close()
      process.exit(0)
    }
  })()
})
reply({ type: 'ready', port: running.port, helloPort, users: tokens, subjects: members.length, accounts: seeded.accounts })
