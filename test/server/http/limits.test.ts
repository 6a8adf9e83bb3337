import type { CairnServer } from '../../../src/server'
import type { CairnService } from '../../../src/server/service-types'
import { API_KEY, bearer, errorOf, event, startServer, tokenFor, uniqueUser } from './harness'

let server: CairnServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

/** A second app over the same real service, with different HTTP settings (no second database). */
function appWith(overrides: Parameters<typeof startServer>[0]) {
  return startServer({ service: server.service, ...overrides })
}

/** The real service with one method replaced, to drive failure paths. */
function serviceWith(overrides: Partial<CairnService>): CairnService {
  return new Proxy(server.service, {
    get: (target, key, receiver) => {
      if (key in overrides) return overrides[key as keyof CairnService]
      const value = Reflect.get(target, key, receiver) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe('body limits', () => {
  it('answers 413 for an events body above 1 MB', async () => {
    const padding = 'x'.repeat(1024 * 1024)
    const response = await server.app.request('/v1/events', { method: 'POST', headers: bearer(API_KEY), body: JSON.stringify({ events: [], padding }) })
    expect(response.status).toBe(413)
    expect((await errorOf(response)).code).toBe('payload_too_large')
  })

  it('answers 413 for a subject body above 64 KB', async () => {
    const traits = { notes: 'x'.repeat(65 * 1024) }
    const response = await server.app.request(`/v1/subjects/${uniqueUser()}`, { method: 'PUT', headers: bearer(API_KEY), body: JSON.stringify({ signedUpAt: '2026-01-01T00:00:00Z', traits }) })
    expect(response.status).toBe(413)
  })

  it('answers 413 for a widget events body above 64 KB', async () => {
    const userId = uniqueUser()
    const body = JSON.stringify({ events: [event(userId, 'feature_used', { properties: { feature: 'x'.repeat(65 * 1024) } })] })
    const response = await server.app.request('/v1/me/events', { method: 'POST', headers: bearer(await tokenFor(userId)), body })
    expect(response.status).toBe(413)
  })
})

describe('rate limits', () => {
  it('answers 429 with Retry-After once a user token has used its budget', async () => {
    const limited = await appWith({ rateLimit: { userPerMinute: 2 } })
    const token = await tokenFor(uniqueUser())
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await limited.app.request('/v1/me/progress', { headers: bearer(token) })).status)
    expect(statuses).toEqual([200, 200, 429])
    const response = await limited.app.request('/v1/me/progress', { headers: bearer(token) })
    expect(response.status).toBe(429)
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    expect((await errorOf(response)).code).toBe('rate_limited')
  })

  it("keeps each user's budget separate", async () => {
    const limited = await appWith({ rateLimit: { userPerMinute: 1 } })
    const first = await tokenFor(uniqueUser())
    const second = await tokenFor(uniqueUser())
    expect((await limited.app.request('/v1/me/progress', { headers: bearer(first) })).status).toBe(200)
    expect((await limited.app.request('/v1/me/progress', { headers: bearer(first) })).status).toBe(429)
    expect((await limited.app.request('/v1/me/progress', { headers: bearer(second) })).status).toBe(200)
  })

  it('limits the API key on its own budget', async () => {
    const limited = await appWith({ rateLimit: { apiKeyPerMinute: 1 } })
    expect((await limited.app.request('/v1/insights', { headers: bearer(API_KEY) })).status).toBe(200)
    const response = await limited.app.request('/v1/insights', { headers: bearer(API_KEY) })
    expect(response.status).toBe(429)
    expect(response.headers.get('Retry-After')).toMatch(/^\d+$/)
  })
})

describe('failures', () => {
  it('answers an unexpected error with a bare 500 and no internals', async () => {
    const logged: unknown[] = []
    const failing = await startServer({
      service: serviceWith({ insights: () => Promise.reject(new Error('db password is hunter2 at /srv/app/storage.ts:42')) }),
      log: (error) => logged.push(error),
    })
    const response = await failing.app.request('/v1/insights', { headers: bearer(API_KEY) })
    expect(response.status).toBe(500)
    const error = await errorOf(response)
    expect(error.code).toBe('internal_error')
    expect(error.message).not.toContain('hunter2')
    expect(logged).toHaveLength(1)
  })

  it('reports 503 from /healthz when storage is unreachable', async () => {
    const down = await startServer({ service: serviceWith({ health: () => Promise.resolve(false) }) })
    const response = await down.app.request('/healthz')
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ ok: false, storage: 'down' })
  })
})
