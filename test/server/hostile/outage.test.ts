// A database outage answers 503 with Retry-After on every route — never a 500 — on the embedded database
// (closed underneath the server) and on real Postgres (its TCP connection cut by a proxy we control).
import { createServer as createTcpServer, connect, type Server, type Socket } from 'node:net'
import { createServer, type CairnServer } from '../../../src/server'
import { createService } from '../../../src/server/service'
import type { CairnService } from '../../../src/server/service-types'
import { openStorage, type Storage } from '../../../src/server/storage'
import { API_KEY, NOW, SECRET, bearer, event, tokenFor, uniqueUser } from '../http/harness'
import { dropSchema, freshProgram, POSTGRES_URL, uniqueSchema } from '../storage/backends'

/** Every route that touches storage, as (what, path, init) with fresh credentials. */
async function routes(): Promise<[string, string, RequestInit][]> {
  const userId = uniqueUser()
  const user = bearer(await tokenFor(userId))
  return [
    ['progress', '/v1/me/progress', { headers: user }],
    ['digest', '/v1/me/digest?period=week', { headers: user }],
    ['widget events', '/v1/me/events', { method: 'POST', headers: user, body: JSON.stringify({ events: [event(userId, 'feature_used', { properties: { feature: 'x' } })] }) }],
    ['celebration seen', '/v1/me/celebrations/milestone:x/seen', { method: 'POST', headers: user }],
    ['stream', '/v1/me/stream', { headers: user }],
    ['stream ticket', '/v1/me/stream-ticket', { method: 'POST', headers: user }],
    ['stream by ticket', `/v1/me/stream?ticket=${'t'.repeat(43)}`, {}],
    ['events', '/v1/events', { method: 'POST', headers: bearer(API_KEY), body: JSON.stringify({ events: [event(userId, 'task_added')] }) }],
    ['subjects', `/v1/subjects/${userId}`, { method: 'PUT', headers: bearer(API_KEY), body: '{"signedUpAt":"2026-03-01T00:00:00Z"}' }],
    ['insights', '/v1/insights', { headers: bearer(API_KEY) }],
  ]
}

async function expectAllUnavailable(server: CairnServer): Promise<void> {
  for (const [what, path, init] of await routes()) {
    const response = await server.app.request(path, init)
    expect({ what, status: response.status }).toEqual({ what, status: 503 })
    expect(response.headers.get('Retry-After')).toBe('5')
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('storage_unavailable')
  }
  expect((await server.app.request('/healthz')).status).toBe(503)
}

async function serve(storage: Storage): Promise<{ server: CairnServer; service: CairnService }> {
  const service = await createService({ program: freshProgram(), storage, now: () => NOW })
  const server = await createServer({ service, apiKey: API_KEY, signingSecret: SECRET, rateLimit: false, now: () => NOW, log: () => {} })
  return { server, service }
}

describe('database outage', () => {
  it('answers 503 with Retry-After on every route when the embedded database is gone', async () => {
    const storage = await openStorage({ memory: true })
    const { server, service } = await serve(storage)
    expect((await server.app.request('/v1/me/progress', { headers: bearer(await tokenFor(uniqueUser())) })).status).toBe(200)
    await storage.close()
    await expectAllUnavailable(server)
    await server.close()
    await service.close().catch(() => {})
  })

  it.runIf(POSTGRES_URL)('answers 503 with Retry-After on every route when Postgres cannot be reached', async () => {
    const target = new URL(POSTGRES_URL!)
    const sockets = new Set<Socket>()
    const proxy: Server = createTcpServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname)
      for (const socket of [client, upstream]) {
        sockets.add(socket)
        socket.on('error', () => {})
        socket.on('close', () => sockets.delete(socket))
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    const port = (proxy.address() as { port: number }).port
    const viaProxy = new URL(POSTGRES_URL!)
    viaProxy.hostname = '127.0.0.1'
    viaProxy.port = String(port)
    const schema = uniqueSchema()
    const storage = await openStorage({ databaseUrl: viaProxy.toString(), schema })
    const { server, service } = await serve(storage)
    try {
      expect((await server.app.request('/v1/me/progress', { headers: bearer(await tokenFor(uniqueUser())) })).status).toBe(200)
      // The outage: the proxy stops accepting and every open connection is cut.
      await new Promise<void>((resolve) => {
        proxy.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
      await expectAllUnavailable(server)
    } finally {
      await server.close()
      await service.close().catch(() => {})
      await dropSchema(POSTGRES_URL!, schema)
    }
  })
})
