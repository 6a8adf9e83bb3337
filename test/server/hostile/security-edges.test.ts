// Security edges: client event ids are scoped per user, failed authentication is limited per client address
// before any credential is checked, limits come from the environment, and error logs carry no payloads.
import type { CairnServer } from '../../../src/server'
import { loadConfig } from '../../../src/server'
import { API_KEY, NOW, bearer, errorOf, event, postEvents, startServer, tokenFor, uniqueUser } from '../http/harness'

let server: CairnServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

const meEvents = async (userId: string, events: unknown[]) =>
  server.app.request('/v1/me/events', { method: 'POST', headers: bearer(await tokenFor(userId)), body: JSON.stringify({ events }) })

describe('client event ids are scoped per user', () => {
  it('gives another user no way to tell whether an id exists: same answer as for a fresh id', async () => {
    const [alice, mallory] = [uniqueUser('alice'), uniqueUser('mallory')]
    const id = `shared-${uniqueUser()}`
    expect((await meEvents(alice, [event(alice, 'feature_used', { id, properties: { feature: 'boards' } })])).status).toBe(202)
    // Mallory reuses Alice's id with another payload: before scoping this was a 409 (the id exists).
    const probe = await meEvents(mallory, [event(mallory, 'feature_used', { id, properties: { feature: 'labels' } })])
    expect(probe.status).toBe(202)
    expect(await probe.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
  })

  it('cannot pre-claim an id the host backend will send', async () => {
    const userId = uniqueUser()
    const id = `host-${uniqueUser()}`
    await meEvents(userId, [event(userId, 'feature_used', { id, properties: { feature: 'boards' } })])
    const host = await postEvents(server, [event(userId, 'project_created', { id })])
    expect(await host.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
  })

  it('still counts a retried widget event once', async () => {
    const userId = uniqueUser()
    const sent = event(userId, 'feature_used', { properties: { feature: 'boards' } })
    await meEvents(userId, [sent])
    expect(await (await meEvents(userId, [sent])).json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] })
  })
})

describe('failed authentication is limited per client address', () => {
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } })

  it('answers 429 once an address used its failures, before even looking at a valid credential', async () => {
    const limited = await startServer({ service: server.service, rateLimit: { authFailuresPerMinute: 3 } })
    const guess = { headers: bearer('not-a-token') }
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await limited.app.request('/v1/me/progress', guess, from('203.0.113.7'))).status)
    expect(statuses).toEqual([401, 401, 401, 429])
    const blocked = await limited.app.request('/v1/events', { method: 'POST', headers: bearer(API_KEY), body: '{"events":[]}' }, from('203.0.113.7'))
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    expect((await errorOf(blocked)).code).toBe('rate_limited')
    // Another address is not affected, and successful requests never count as failures.
    expect((await limited.app.request('/v1/me/progress', guess, from('198.51.100.2'))).status).toBe(401)
    const token = await tokenFor(uniqueUser())
    for (let i = 0; i < 5; i++) expect((await limited.app.request('/v1/me/progress', { headers: bearer(token) }, from('192.0.2.9'))).status).toBe(200)
  })

  it('reads X-Forwarded-For only when told the proxy is trusted', async () => {
    const limited = await startServer({ service: server.service, rateLimit: { authFailuresPerMinute: 1 }, trustProxy: true })
    const guess = (forwardedFor: string) => ({ headers: { ...bearer('nope'), 'X-Forwarded-For': forwardedFor } })
    expect((await limited.app.request('/v1/me/progress', guess('203.0.113.1'), from('10.0.0.1'))).status).toBe(401)
    expect((await limited.app.request('/v1/me/progress', guess('203.0.113.1, 10.0.0.1'), from('10.0.0.1'))).status).toBe(429)
    expect((await limited.app.request('/v1/me/progress', guess('203.0.113.2'), from('10.0.0.1'))).status).toBe(401)
  })
})

describe('limits from the environment', () => {
  const SECRETS = { CAIRN_API_KEY: 'k'.repeat(32), CAIRN_SIGNING_SECRET: 's'.repeat(32) }

  it('reads rate limits, the token lifetime cap and the proxy setting', () => {
    const config = loadConfig({
      ...SECRETS,
      CAIRN_RATE_LIMIT_API_KEY: '6000',
      CAIRN_RATE_LIMIT_USER: '60',
      CAIRN_RATE_LIMIT_AUTH_FAILURES: '5',
      CAIRN_TOKEN_MAX_LIFETIME_S: '3600',
      CAIRN_TRUST_PROXY: '1',
    })
    expect(config).toMatchObject({ rateLimit: { apiKeyPerMinute: 6000, userPerMinute: 60, authFailuresPerMinute: 5 }, tokenMaxLifetimeS: 3600, trustProxy: true })
    expect(loadConfig(SECRETS)).toMatchObject({ rateLimit: { apiKeyPerMinute: 600, userPerMinute: 120, authFailuresPerMinute: 20 }, tokenMaxLifetimeS: 86_400, trustProxy: false })
  })

  it('refuses limits that are not whole numbers', () => {
    expect(() => loadConfig({ ...SECRETS, CAIRN_RATE_LIMIT_API_KEY: 'lots' })).toThrow(/CAIRN_RATE_LIMIT_API_KEY must be a whole number/)
  })

  it('caps token lifetime at the configured maximum', async () => {
    const strict = await startServer({ service: server.service, tokenMaxLifetimeS: 600 })
    const userId = uniqueUser()
    const hour = await tokenFor(userId, { expiresIn: new Date(NOW.getTime() + 3_600_000) })
    const response = await strict.app.request('/v1/me/progress', { headers: bearer(hour) })
    expect(response.status).toBe(401)
    expect((await errorOf(response)).message).toMatch(/at most 600 s/)
  })
})

describe('error logs', () => {
  it('name the error class and code, never the payload or traits', async () => {
    const lines: string[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')))
    try {
      const secretTrait = 'trait-value-that-must-not-be-logged'
      const failing = await startServer({
        service: new Proxy(server.service, {
          get: (target, key, receiver) =>
            key === 'progressTextForToken'
              ? () => Promise.reject(Object.assign(new Error(`duplicate key value (plan)=(${secretTrait})`), { code: '23505' }))
              : (Reflect.get(target, key, receiver) as unknown),
        }),
      })
      const response = await failing.app.request('/v1/me/progress', { headers: bearer(await tokenFor(uniqueUser())) })
      expect(response.status).toBe(500)
      expect(lines.join('\n')).toMatch(/GET \/v1\/me\/progress failed: Error 23505/)
      expect(lines.join('\n')).not.toContain(secretTrait)
    } finally {
      spy.mockRestore()
    }
  })
})
