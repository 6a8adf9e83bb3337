import type { MeProgress } from '../../../src/core'
import type { CairnServer } from '../../../src/server'
import { bearer, errorOf, event, postEvents, startServer, tokenFor, uniqueUser } from './harness'

let server: CairnServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

const request = (path: string, token: string, init: RequestInit = {}) =>
  Promise.resolve(server.app.request(path, { ...init, headers: { ...bearer(token), ...(init.headers as Record<string, string>) } }))
const progressOf = async (token: string) => (await (await request('/v1/me/progress', token)).json()) as MeProgress
const postMine = (token: string, events: unknown[]) => request('/v1/me/events', token, { method: 'POST', body: JSON.stringify({ events }) })

/** A user who has been seen (subject created from the token) and then created a project via the API key. */
async function userWithFirstProject() {
  const userId = uniqueUser()
  const token = await tokenFor(userId)
  await progressOf(token)
  expect((await postEvents(server, [event(userId, 'project_created')])).status).toBe(202)
  return { userId, token }
}

describe('GET /v1/me/progress', () => {
  it("returns the token user's progress with the Progress fields at the top level", async () => {
    const response = await request('/v1/me/progress', await tokenFor(uniqueUser()))
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const body = (await response.json()) as MeProgress
    expect(body.programId).toBe('taskly-onboarding')
    expect(body.milestones['first-project']).toMatchObject({ state: 'available', current: 0, target: 1 })
    expect(Array.isArray(body.celebrations)).toBe(true)
  })

  it('reflects events sent with the API key', async () => {
    const { token } = await userWithFirstProject()
    const body = await progressOf(token)
    expect(body.milestones['first-project']?.state).toBe('achieved')
    expect(body.celebrations.length).toBeGreaterThan(0)
  })
})

describe('POST /v1/me/events', () => {
  it('accepts client-trackable events and fills in the user from the token', async () => {
    const userId = uniqueUser()
    const token = await tokenFor(userId)
    const { userId: _omitted, ...withoutUser } = event(userId, 'feature_used', { properties: { feature: 'board' } })
    const response = await postMine(token, [withoutUser])
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    expect((await progressOf(token)).milestones['three-features']?.current).toBe(1)
  })

  it('answers 403 when every event is one only the backend may send', async () => {
    const userId = uniqueUser()
    const response = await postMine(await tokenFor(userId), [event(userId, 'task_completed'), event(userId, 'project_created')])
    expect(response.status).toBe(403)
    const error = await errorOf(response)
    expect(error.code).toBe('forbidden_event')
    expect(error.details).toEqual([
      { index: 0, error: expect.objectContaining({ code: 'not_client_trackable' }) },
      { index: 1, error: expect.objectContaining({ code: 'not_client_trackable' }) },
    ])
  })

  it('rejects the forbidden events of a mixed batch and keeps the allowed ones', async () => {
    const userId = uniqueUser()
    const events = [event(userId, 'task_completed'), event(userId, 'feature_used', { properties: { feature: 'gantt' } })]
    const response = await postMine(await tokenFor(userId), events)
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [{ index: 0, error: expect.objectContaining({ code: 'not_client_trackable' }) }],
    })
  })

  it("never records an event for another user, even a client-trackable one", async () => {
    const victim = uniqueUser('victim')
    const victimToken = await tokenFor(victim)
    const response = await postMine(await tokenFor(uniqueUser()), [event(victim, 'feature_used', { properties: { feature: 'x' } })])
    expect(response.status).toBe(403)
    expect((await errorOf(response)).details).toEqual([{ index: 0, error: expect.objectContaining({ code: 'forbidden' }) }])
    expect((await progressOf(victimToken)).milestones['three-features']?.current).toBe(0)
  })

  it('refuses events for an account the token does not belong to', async () => {
    const userId = uniqueUser()
    const token = await tokenFor(userId, { accountId: 'acct-own' })
    const response = await postMine(token, [event(userId, 'feature_used', { accountId: 'acct-other', properties: { feature: 'x' } })])
    expect(response.status).toBe(403)
  })

  it('answers 400 invalid_json for a malformed body and 400 invalid_body without an events array', async () => {
    const token = await tokenFor(uniqueUser())
    const malformed = await request('/v1/me/events', token, { method: 'POST', body: '{"events": [' })
    expect(malformed.status).toBe(400)
    expect((await errorOf(malformed)).code).toBe('invalid_json')
    const shapeless = await request('/v1/me/events', token, { method: 'POST', body: '{"event": {}}' })
    expect(shapeless.status).toBe(400)
    expect(await errorOf(shapeless)).toMatchObject({ code: 'invalid_body', details: [{ path: 'events', message: 'must be an array' }] })
  })
})

describe('POST /v1/me/celebrations/{id}/seen', () => {
  it('acknowledges a pending celebration so it is not returned again', async () => {
    const { token } = await userWithFirstProject()
    const [celebration] = (await progressOf(token)).celebrations
    expect(celebration).toBeDefined()
    const response = await request(`/v1/me/celebrations/${celebration!.id}/seen`, token, { method: 'POST' })
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
    expect((await progressOf(token)).celebrations.map((c) => c.id)).not.toContain(celebration!.id)
  })

  it("answers 404 for another user's celebration and leaves it pending", async () => {
    const owner = await userWithFirstProject()
    const [celebration] = (await progressOf(owner.token)).celebrations
    const intruder = await tokenFor(uniqueUser('intruder'))
    const response = await request(`/v1/me/celebrations/${celebration!.id}/seen`, intruder, { method: 'POST' })
    expect(response.status).toBe(404)
    expect((await errorOf(response)).code).toBe('not_found')
    expect((await progressOf(owner.token)).celebrations.map((c) => c.id)).toContain(celebration!.id)
  })

  it('answers 404 for an unknown celebration', async () => {
    const response = await request('/v1/me/celebrations/no-such-celebration/seen', await tokenFor(uniqueUser()), { method: 'POST' })
    expect(response.status).toBe(404)
  })
})

describe('GET /v1/me/digest', () => {
  it('summarises the week for the token user', async () => {
    const { token } = await userWithFirstProject()
    const response = await request('/v1/me/digest?period=week', token)
    expect(response.status).toBe(200)
    const digest = (await response.json()) as { period: string; achieved: { milestoneId: string }[] }
    expect(digest.period).toBe('week')
    expect(digest.achieved.map((a) => a.milestoneId)).toContain('first-project')
  })

  it('accepts month', async () => {
    const response = await request('/v1/me/digest?period=month', await tokenFor(uniqueUser()))
    expect(response.status).toBe(200)
  })

  it.each(['year', ''])('answers 400 for period=%s', async (period) => {
    const response = await request(`/v1/me/digest?period=${period}`, await tokenFor(uniqueUser()))
    expect(response.status).toBe(400)
    expect(await errorOf(response)).toMatchObject({ code: 'invalid_query', details: [{ path: 'period' }] })
  })

  it('answers 400 without a period', async () => {
    expect((await request('/v1/me/digest', await tokenFor(uniqueUser()))).status).toBe(400)
  })
})

describe('isolation between users', () => {
  it("user B's token only ever shows B's data", async () => {
    const a = await userWithFirstProject()
    const b = await tokenFor(uniqueUser('b'))
    const bProgress = await progressOf(b)
    expect(bProgress.milestones['first-project']?.state).toBe('available')
    expect(bProgress.celebrations).toEqual([])
    const digest = (await (await request('/v1/me/digest?period=month', b)).json()) as { achieved: unknown[] }
    expect(digest.achieved).toEqual([])
    expect((await progressOf(a.token)).milestones['first-project']?.state).toBe('achieved')
  })
})
