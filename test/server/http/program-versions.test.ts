import { demoProgramSource as demoProgram, type MeProgress, type ProgramPreview, type ProgramVersions } from '../../../src/core'
import type { CairnServer } from '../../../src/server'
import { API_KEY, bearer, errorOf, event, postEvents, startServer, tokenFor, uniqueUser } from './harness'

let server: CairnServer
beforeAll(async () => {
  server = await startServer({ apiKeyLabel: 'ci deploy key' })
})
afterAll(() => server.close())

/** The demo program as a later version; versions only ever grow within this file's one server. */
let counter = 1
function nextVersion(change: (p: typeof demoProgram) => typeof demoProgram = (p) => p) {
  counter++
  return change({ ...structuredClone(demoProgram), version: `1.${counter}` })
}
const put = (body: unknown, credential = API_KEY) =>
  server.app.request('/v1/program', { method: 'PUT', headers: bearer(credential), body: JSON.stringify(body) })
const programFor = async (userId: string, etag?: string) =>
  server.app.request('/v1/program', { headers: { ...bearer(await tokenFor(userId)), ...(etag ? { 'If-None-Match': etag } : {}) } })

describe('PUT /v1/program', () => {
  it('publishes a new version (201), serves it with a new ETag, and lists who published it', async () => {
    const userId = uniqueUser()
    const old = await programFor(userId)
    const oldTag = old.headers.get('ETag')!
    const next = nextVersion((p) => ({ ...p, milestones: p.milestones.map((m) => (m.id === 'five-tasks' ? { ...m, title: 'Add five tasks' } : m)) }))

    const response = await put(next)
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual({ version: next.version, active: true })

    const now = await programFor(userId, oldTag)
    expect(now.status).toBe(200)
    expect(now.headers.get('ETag')).toBe(`"${next.version}"`)
    expect(((await now.json()) as typeof demoProgram).milestones.find((m) => m.id === 'five-tasks')?.title).toBe('Add five tasks')

    const list = await server.app.request('/v1/program/versions', { headers: bearer(API_KEY) })
    const { active, versions } = (await list.json()) as ProgramVersions
    expect(active).toBe(next.version)
    expect(versions[0]).toMatchObject({ version: next.version, publishedBy: 'ci deploy key', active: true })
    expect(versions[0]?.summary.milestones).toEqual({ added: [], removed: [], changed: ['five-tasks'] })
  })

  it('answers 200 for the same definition again and 409 for another definition under a published version', async () => {
    const next = nextVersion()
    expect((await put(next)).status).toBe(201)
    expect((await put(next)).status).toBe(200)
    const clash = await put({ ...next, title: 'Something else' })
    expect(clash.status).toBe(409)
    expect(await errorOf(clash)).toMatchObject({ code: 'version_conflict', details: [{ path: 'version', message: 'is already published with a different definition' }] })
  })

  it('refuses an invalid program with 422 and the path of every problem, and another program id', async () => {
    const bad = nextVersion((p) => ({ ...p, milestones: [{ ...p.milestones[0]!, criterion: { kind: 'count', event: 'x', atLeast: -1 } }, ...p.milestones.slice(1)] }))
    const response = await put(bad)
    expect(response.status).toBe(422)
    expect((await errorOf(response)).details).toEqual([{ path: 'milestones[0].criterion.atLeast', message: 'must be greater than 0' }])
    const other = await put({ ...nextVersion(), id: 'another-program' })
    expect(other.status).toBe(422)
    expect((await errorOf(other)).details).toEqual([{ path: 'id', message: expect.stringContaining('must stay "taskly-onboarding"') }])
  })

  it('needs the API key: a user token is forbidden, nothing is unauthorised', async () => {
    expect((await put(nextVersion(), await tokenFor(uniqueUser()))).status).toBe(403)
    expect((await server.app.request('/v1/program', { method: 'PUT', body: '{}' })).status).toBe(401)
  })
})

describe('POST /v1/program/versions/{version}/activate', () => {
  it('rolls back to an older version, pushes the re-evaluated progress, and keeps what was achieved', async () => {
    const userId = uniqueUser()
    await server.app.request(`/v1/subjects/${userId}`, { method: 'PUT', headers: bearer(API_KEY), body: JSON.stringify({ signedUpAt: '2026-03-01T00:00:00.000Z' }) })
    await postEvents(server, [event(userId, 'project_created')])
    const harder = nextVersion((p) => ({ ...p, milestones: p.milestones.map((m) => (m.id === 'first-project' ? { ...m, criterion: { kind: 'count', event: 'project_created', atLeast: 2 } } : m)) }))
    expect((await put(harder)).status).toBe(201)

    const pushed = new Promise<MeProgress>((resolve) => {
      const stop = server.service.subscribe(userId, (progress) => {
        if (progress.programVersion !== '1') return
        stop()
        resolve(progress)
      })
    })
    const response = await server.app.request('/v1/program/versions/1/activate', { method: 'POST', headers: bearer(API_KEY) })
    expect(response.status).toBe(200)
    const progress = await pushed
    expect(progress.milestones['first-project']?.state).toBe('achieved')
    expect(progress.celebrations.filter((c) => c.id === 'milestone:first-project')).toHaveLength(1)
  })

  it('answers 404 for a version never published', async () => {
    const response = await server.app.request('/v1/program/versions/nope/activate', { method: 'POST', headers: bearer(API_KEY) })
    expect(response.status).toBe(404)
    expect((await errorOf(response)).code).toBe('not_found')
  })
})

describe('POST /v1/program/preview', () => {
  it('counts per milestone how many subjects would change state, without publishing', async () => {
    const userId = uniqueUser()
    await postEvents(server, [event(userId, 'task_added'), event(userId, 'task_added')])
    const easier = nextVersion((p) => ({ ...p, milestones: p.milestones.map((m) => (m.id === 'five-tasks' ? { ...m, criterion: { kind: 'count', event: 'task_added', atLeast: 2 } } : m)) }))
    const activeBefore = ((await (await server.app.request('/v1/program/versions', { headers: bearer(API_KEY) })).json()) as ProgramVersions).active

    const response = await server.app.request('/v1/program/preview', { method: 'POST', headers: bearer(API_KEY), body: JSON.stringify(easier) })
    expect(response.status).toBe(200)
    const preview = (await response.json()) as ProgramPreview
    expect(preview).toMatchObject({ version: easier.version, activeVersion: activeBefore })
    expect(preview.milestones['five-tasks']?.changed).toBeGreaterThanOrEqual(1)
    expect(preview.milestones['five-tasks']?.newlyAchieved).toBe(preview.milestones['five-tasks']?.changed)
    expect(((await (await server.app.request('/v1/program/versions', { headers: bearer(API_KEY) })).json()) as ProgramVersions).active).toBe(activeBefore)
    expect((await server.app.request('/v1/program/preview', { method: 'POST', headers: bearer(API_KEY), body: '{"id":1}' })).status).toBe(422)
  })
})

describe('GET /v1/program.schema.json', () => {
  it('serves the JSON Schema of a program without credentials', async () => {
    const response = await server.app.request('/v1/program.schema.json')
    expect(response.status).toBe(200)
    const schema = (await response.json()) as { $schema: string; required: string[]; properties: Record<string, unknown> }
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'version', 'milestones', 'levels', 'badges']))
    expect(Object.keys(schema.properties)).toContain('$schema')
  })
})

describe('GET /v1/insights', () => {
  it('lists when the active version changed, for the charts', async () => {
    const response = await server.app.request('/v1/insights', { headers: bearer(API_KEY) })
    const { versions } = (await response.json()) as { versions: { version: string; activatedAt: string }[] }
    expect(versions[0]?.version).toBe('1')
    expect(versions.length).toBeGreaterThan(1)
  })
})

describe('GET /v1/openapi.json', () => {
  it('documents publishing, history, activation and preview with their response schemas', async () => {
    const document = (await (await server.app.request('/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }
    expect(Object.keys(document.paths['/v1/program']!)).toEqual(['get', 'put'])
    expect(Object.keys(document.paths['/v1/program']!.put!.responses)).toEqual(expect.arrayContaining(['201', '409', '422']))
    expect(JSON.stringify(document.paths['/v1/program/preview'])).toContain('#/components/schemas/ProgramPreview')
  })
})
