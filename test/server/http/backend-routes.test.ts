import type { MeProgress } from '../../../src/core'
import type { CairnServer } from '../../../src/server'
import { API_KEY, bearer, errorOf, event, NOW, postEvents, startServer, tokenFor, uniqueUser } from './harness'

let server: CairnServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

const put = (userId: string, body: unknown) =>
  Promise.resolve(server.app.request(`/v1/subjects/${encodeURIComponent(userId)}`, { method: 'PUT', headers: bearer(API_KEY), body: JSON.stringify(body) }))

describe('POST /v1/events', () => {
  it('accepts a batch with 202 and the counts', async () => {
    const userId = uniqueUser()
    const response = await postEvents(server, [event(userId, 'task_added'), event(userId, 'task_added')])
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] })
  })

  it('is idempotent: the same batch twice is accepted, then reported as duplicates and counted once', async () => {
    const userId = uniqueUser()
    const token = await tokenFor(userId)
    const batch = [event(userId, 'task_added'), event(userId, 'task_added'), event(userId, 'task_added')]
    expect(await (await postEvents(server, batch)).json()).toEqual({ accepted: 3, duplicates: 0, rejected: [] })
    expect(await (await postEvents(server, batch)).json()).toEqual({ accepted: 0, duplicates: 3, rejected: [] })
    const progress = (await (await server.app.request('/v1/me/progress', { headers: bearer(token) })).json()) as MeProgress
    expect(progress.milestones['five-tasks']?.current).toBe(3)
  })

  it('rejects bad events one by one with their index and keeps the good ones', async () => {
    const userId = uniqueUser()
    const future = new Date(NOW.getTime() + 24 * 3_600_000).toISOString()
    const response = await postEvents(server, [event(userId, 'task_added'), { name: 'task_added' }, event(userId, 'task_added', { timestamp: future })])
    expect(response.status).toBe(202)
    const body = (await response.json()) as { accepted: number; rejected: { index: number; error: { code: string } }[] }
    expect(body.accepted).toBe(1)
    expect(body.rejected.map((r) => r.index)).toEqual([1, 2])
    expect(body.rejected[1]?.error.code).toBe('future_timestamp')
  })

  it('answers 409 when every event reuses an id with a different payload', async () => {
    const userId = uniqueUser()
    const original = event(userId, 'task_added')
    await postEvents(server, [original])
    const response = await postEvents(server, [{ ...original, name: 'task_completed' }])
    expect(response.status).toBe(409)
    const error = await errorOf(response)
    expect(error.code).toBe('event_conflict')
    expect(error.details).toEqual([{ index: 0, error: expect.objectContaining({ code: 'conflict' }) }])
  })

  it('answers 413 for more than 1,000 events', async () => {
    const userId = uniqueUser()
    const events = Array.from({ length: 1001 }, (_, i) => event(userId, 'logged_in', { id: `e-${i}` }))
    const response = await postEvents(server, events)
    expect(response.status).toBe(413)
    expect((await errorOf(response)).code).toBe('too_many_events')
  })

  it('answers 400 for malformed JSON and for a body without an events array', async () => {
    const malformed = await server.app.request('/v1/events', { method: 'POST', headers: bearer(API_KEY), body: '{"events":' })
    expect(malformed.status).toBe(400)
    expect((await errorOf(malformed)).code).toBe('invalid_json')
    const wrongShape = await server.app.request('/v1/events', { method: 'POST', headers: bearer(API_KEY), body: '[]' })
    expect(wrongShape.status).toBe(400)
    expect((await errorOf(wrongShape)).code).toBe('invalid_body')
  })
})

describe('PUT /v1/subjects/{userId}', () => {
  it('stores the subject and returns it', async () => {
    const userId = uniqueUser()
    const response = await put(userId, { accountId: 'acct-7', signedUpAt: NOW.toISOString(), traits: { plan: 'business' }, consent: true })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ userId, accountId: 'acct-7', traits: { plan: 'business' }, consent: true })
  })

  it('answers 400 with the path of every bad field', async () => {
    const response = await put(uniqueUser(), { signedUpAt: 'not a date', traits: { plan: ['nested'] } })
    expect(response.status).toBe(400)
    const error = await errorOf(response)
    expect(error.code).toBe('invalid_body')
    const paths = (error.details as { path: string }[]).map((d) => d.path)
    expect(paths).toEqual(expect.arrayContaining(['signedUpAt', 'traits.plan']))
  })

  it('answers 400 when the body is not an object', async () => {
    const response = await put(uniqueUser(), ['not', 'an', 'object'])
    expect(response.status).toBe(400)
    expect((await errorOf(response)).code).toBe('invalid_body')
  })
})

describe('GET /v1/insights', () => {
  it('reports per-milestone completion, level drop-off and velocity', async () => {
    const response = await server.app.request('/v1/insights', { headers: bearer(API_KEY) })
    expect(response.status).toBe(200)
    const insights = (await response.json()) as { milestones: { id: string }[]; levels: unknown[]; velocity: unknown[] }
    expect(insights.milestones.map((m) => m.id)).toContain('first-project')
    expect(Array.isArray(insights.levels)).toBe(true)
    expect(Array.isArray(insights.velocity)).toBe(true)
  })
})
