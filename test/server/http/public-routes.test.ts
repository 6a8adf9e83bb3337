import type { Program } from '../../../src/core'
import type { CairnServer } from '../../../src/server'
import { errorOf, startServer, tokenFor, uniqueUser } from './harness'

let server: CairnServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

describe('GET /v1/program', () => {
  it('returns the program with its version as ETag', async () => {
    const response = await server.app.request('/v1/program', { headers: { Authorization: `Bearer ${await tokenFor(uniqueUser())}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('ETag')).toBe('"1"')
    const program = (await response.json()) as Program
    expect(program.id).toBe('taskly-onboarding')
    expect(program.levels.map((l) => l.id)).toEqual(['getting-started', 'building-momentum', 'power-user'])
  })

  it('answers 304 without a body when If-None-Match carries the current version', async () => {
    const token = await tokenFor(uniqueUser())
    const response = await server.app.request('/v1/program', { headers: { Authorization: `Bearer ${token}`, 'If-None-Match': 'W/"0", "1"' } })
    expect(response.status).toBe(304)
    expect(response.headers.get('ETag')).toBe('"1"')
    expect(await response.text()).toBe('')
  })

  it('sends the program again when the version changed', async () => {
    const token = await tokenFor(uniqueUser())
    const response = await server.app.request('/v1/program', { headers: { Authorization: `Bearer ${token}`, 'If-None-Match': '"0"' } })
    expect(response.status).toBe(200)
  })

  it('needs a user token', async () => {
    expect((await server.app.request('/v1/program')).status).toBe(401)
  })
})

describe('GET /healthz', () => {
  it('reports the process and storage as up, without a credential', async () => {
    const response = await server.app.request('/healthz')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true, storage: 'up' })
  })
})

describe('GET /v1/openapi.json', () => {
  it('describes every route of the API as OpenAPI 3.1', async () => {
    const response = await server.app.request('/v1/openapi.json')
    expect(response.status).toBe(200)
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> } }
    expect(document.openapi).toBe('3.1.0')
    // Every route the app serves is documented, so a new route cannot ship without its operation.
    const served = server.app.routes
      .filter((r) => r.method !== 'ALL' && r.method !== 'OPTIONS')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
    const documented = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
    expect(documented.sort()).toEqual(expect.arrayContaining([...new Set(served)].sort()))
    expect(served.length).toBeGreaterThan(10)
    expect(Object.keys(document.paths['/v1/subjects/{userId}']!)).toEqual(['put'])
    expect(Object.keys(document.components.securitySchemes)).toEqual(expect.arrayContaining(['userToken', 'apiKey']))
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Program', 'Event', 'MeProgress', 'Digest', 'Error', 'IngestResult']))
  })

  it('generates the schemas from the zod definitions, including the recursive criterion', async () => {
    const document = (await (await server.app.request('/v1/openapi.json')).json()) as { components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } }
    const { schemas } = document.components
    expect(schemas.Event?.required).toEqual(expect.arrayContaining(['id', 'name', 'userId', 'timestamp']))
    expect(schemas.Milestone?.properties?.criterion).toEqual({ $ref: '#/components/schemas/Criterion' })
    expect(JSON.stringify(schemas.Criterion)).toContain('#/components/schemas/Criterion')
    const refs = JSON.stringify(document).match(/#\/components\/schemas\/\w+/g) ?? []
    for (const ref of new Set(refs)) expect(schemas[ref.split('/').at(-1)!], ref).toBeDefined()
  })
})

describe('errors', () => {
  it('answers unknown routes with the JSON error shape', async () => {
    const response = await server.app.request('/v1/nothing-here')
    expect(response.status).toBe(404)
    expect((await errorOf(response)).code).toBe('not_found')
  })

  it('answers a CORS preflight from any origin for the widget routes', async () => {
    const response = await server.app.request('/v1/me/progress', {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(response.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization')
  })
})
