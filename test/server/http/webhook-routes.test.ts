import type { CairnServer } from '../../../src/server'
import { API_KEY, bearer, errorOf, startServer, tokenFor, uniqueUser } from './harness'

let server: CairnServer
let open: CairnServer
beforeAll(async () => {
  server = await startServer()
  open = await startServer({ webhooks: { allowPrivate: true } })
})
afterAll(async () => {
  await server.close()
  await open.close()
})

const call = (on: CairnServer, method: string, path: string, body?: unknown, credential = API_KEY) =>
  Promise.resolve(on.app.request(path, { method, headers: bearer(credential), ...(body !== undefined && { body: JSON.stringify(body) }) }))

describe('webhook routes', () => {
  it('registers with 201, shows a generated secret once, and lists without it', async () => {
    const created = await call(open, 'POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hooks', events: ['milestone.achieved', 'level.completed'] })
    expect(created.status).toBe(201)
    const hook = (await created.json()) as { id: string; url: string; events: string[]; secret: string }
    expect(hook).toMatchObject({ url: 'http://127.0.0.1:9/hooks', events: ['milestone.achieved', 'level.completed'] })
    expect(hook.secret).toMatch(/^whsec_.{20,}/)

    const list = (await (await call(open, 'GET', '/v1/webhooks')).json()) as Record<string, unknown>[]
    const listed = list.find((h) => h.id === hook.id)
    expect(listed).toMatchObject({ id: hook.id, url: hook.url, events: hook.events })
    expect(JSON.stringify(list)).not.toContain(hook.secret)
    expect(await (await call(open, 'GET', `/v1/webhooks/${hook.id}/deliveries`)).json()).toEqual([])
  })

  it('keeps a given secret', async () => {
    const created = await call(open, 'POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/x', events: ['*'], secret: 'my-own-secret-0123456789' })
    expect(((await created.json()) as { secret: string }).secret).toBe('my-own-secret-0123456789')
  })

  it.each([
    [{ url: 'https://example.com/h', events: [] }, 'events'],
    [{ url: 'https://example.com/h', events: ['milestone.done'] }, 'events[0]'],
    [{ url: 'https://example.com/h' }, 'events'],
    [{ url: 42, events: ['*'] }, 'url'],
    [{ url: 'https://example.com/h', events: ['*'], secret: 'short' }, 'secret'],
    [{ url: 'https://example.com/h', events: ['*'], extra: 1 }, ''],
  ])('answers 400 with the path of the bad field for %j', async (body, path) => {
    const response = await call(server, 'POST', '/v1/webhooks', body)
    expect(response.status).toBe(400)
    const error = await errorOf(response)
    expect((error.details as { path: string }[]).map((d) => d.path)).toContain(path)
  })

  it.each(['http://93.184.216.34/h', 'https://127.0.0.1/h', 'https://10.0.0.8/h', 'https://[::1]/h', 'https://localhost/h'])(
    'refuses %s with 400 unless private targets are allowed',
    async (url) => {
      const response = await call(server, 'POST', '/v1/webhooks', { url, events: ['*'] })
      expect(response.status).toBe(400)
      expect(((await errorOf(response)).details as { path: string }[])[0]?.path).toBe('url')
    },
  )

  it('removes a webhook with 204, then answers 404 for it', async () => {
    const hook = (await (await call(open, 'POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/y', events: ['*'] })).json()) as { id: string }
    expect((await call(open, 'DELETE', `/v1/webhooks/${hook.id}`)).status).toBe(204)
    expect((await call(open, 'DELETE', `/v1/webhooks/${hook.id}`)).status).toBe(404)
    expect((await call(open, 'GET', `/v1/webhooks/${hook.id}/deliveries`)).status).toBe(404)
  })

  it('is for the API key only: a user token gets 403, nothing gets 401', async () => {
    const token = await tokenFor(uniqueUser())
    expect((await call(server, 'GET', '/v1/webhooks', undefined, token)).status).toBe(403)
    expect((await server.app.request('/v1/webhooks')).status).toBe(401)
  })

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await server.app.request('/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> }
    expect(Object.keys(doc.paths['/v1/webhooks'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']))
    expect(doc.paths['/v1/webhooks/{id}/deliveries']?.get).toBeDefined()
  })
})
