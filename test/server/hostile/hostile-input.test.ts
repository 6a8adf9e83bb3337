// Every hostile input gets a precise 4xx (or a per-event rejection by index), never a 5xx, and the good events
// sent beside a bad one are stored — on embedded PGlite and, with CAIRN_TEST_DATABASE_URL, on real Postgres.
import { SignJWT } from 'jose'
import { createServer, type CairnServer } from '../../../src/server'
import { createService } from '../../../src/server/service'
import type { CairnService } from '../../../src/server/service-types'
import { API_KEY, NOW, SECRET, bearer, tokenFor, uniqueUser } from '../http/harness'
import { availableBackends, freshProgram } from '../storage/backends'
import { eventJson, HOSTILE_EVENTS, q } from './corpus'

const nowS = Math.floor(NOW.getTime() / 1000)

/** Signs claims as given (createUserToken refuses most of these itself), with the server's secret. */
function rawToken(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(SECRET))
}

const validClaims = (overrides: Record<string, unknown>) => ({ sub: uniqueUser(), signedUpAt: '2026-03-01T00:00:00Z', iat: nowS, exp: nowS + 600, ...overrides })

describe.each(availableBackends())('hostile input on $name', (backend) => {
  let server: CairnServer
  let service: CairnService
  const responses: { what: string; status: number }[] = []

  beforeAll(async () => {
    service = await createService({ program: freshProgram(), storage: await backend.open(), now: () => NOW })
    server = await createServer({ service, apiKey: API_KEY, signingSecret: SECRET, rateLimit: false, now: () => NOW, log: () => {} })
  })
  afterAll(async () => {
    // The corpus as a whole: not one answer was a server error.
    expect(responses.filter((r) => r.status >= 500)).toEqual([])
    await server.close()
    await service.close() // a server leaves a service it was handed open; this closes the storage too
    await backend.dispose()
  })

  async function send(what: string, path: string, init: RequestInit): Promise<Response> {
    const response = await server.app.request(path, init)
    responses.push({ what, status: response.status })
    return response
  }

  async function stored(userId: string, milestone: string): Promise<number> {
    const progress = await server.service.progress(userId, NOW)
    return progress.milestones[milestone]?.current ?? 0
  }

  describe('POST /v1/events (API key)', () => {
    it.each(HOSTILE_EVENTS)('rejects $title by index and keeps the good events around it', async (hostile) => {
      const userId = uniqueUser()
      const body = `{"events":[${eventJson(userId, 'task_added')},${hostile.json(userId, 'task_added')},${eventJson(userId, 'task_added')}]}`
      const response = await send(hostile.title, '/v1/events', { method: 'POST', headers: bearer(API_KEY), body })
      expect(response.status).toBe(202)
      const result = (await response.json()) as { accepted: number; rejected: { index: number; error: { code: string; message: string } }[] }
      expect(result.rejected).toEqual([{ index: 1, error: { code: hostile.code, message: expect.stringMatching(hostile.message) } }])
      expect(result.accepted).toBe(2)
      expect(await stored(userId, 'five-tasks')).toBe(2)
    })
  })

  describe('POST /v1/me/events (user token)', () => {
    it.each(HOSTILE_EVENTS.filter((h) => h.viaUserToken !== 'too_large'))('rejects $title by index and keeps the good events around it', async (hostile) => {
      const userId = uniqueUser()
      const good = (feature: string) => eventJson(userId, 'feature_used', { properties: `{"feature":${q(feature)}}` })
      const body = `{"events":[${good('boards')},${hostile.json(userId, 'feature_used')},${good('labels')}]}`
      const response = await send(hostile.title, '/v1/me/events', { method: 'POST', headers: bearer(await tokenFor(userId)), body })
      expect(response.status).toBe(202)
      const result = (await response.json()) as { accepted: number; rejected: { index: number; error: { code: string; message: string } }[] }
      const via = hostile.viaUserToken
      const code = typeof via === 'object' ? via.code : hostile.code
      expect(result.rejected).toEqual([{ index: 1, error: expect.objectContaining({ code }) }])
      if (via === undefined) expect(result.rejected[0]?.error.message).toMatch(hostile.message)
      expect(result.accepted).toBe(2)
      expect(await stored(userId, 'three-features')).toBe(2)
    })

    it('answers a widget body above its limit with 413, not a server error', async () => {
      const userId = uniqueUser()
      const body = `{"events":[${eventJson(userId, 'feature_used', { properties: `{"blob":${q('b'.repeat(900 * 1024))}}` })}]}`
      const response = await send('900 KB through the widget route', '/v1/me/events', { method: 'POST', headers: bearer(await tokenFor(userId)), body })
      expect(response.status).toBe(413)
    })
  })

  describe('PUT /v1/subjects/{userId}', () => {
    const cases: [string, string, RegExp][] = [
      ['a NUL in a trait', `{"signedUpAt":"2026-03-01T00:00:00Z","traits":{"plan":${q('team\u0000')}}}`, /^traits\.plan$/],
      ['a lone surrogate in the account id', `{"signedUpAt":"2026-03-01T00:00:00Z","accountId":${q('acct\udfff')}}`, /^accountId$/],
      ['a signup date of "March 7"', '{"signedUpAt":"March 7"}', /^signedUpAt$/],
      ['a signup date of 2024-02-30', '{"signedUpAt":"2024-02-30T00:00:00Z"}', /^signedUpAt$/],
      ['a signup date before year 1', '{"signedUpAt":"-000001-01-01T00:00:00Z"}', /^signedUpAt$/],
      ['a 201-character account id', `{"signedUpAt":"2026-03-01T00:00:00Z","accountId":${q('a'.repeat(201))}}`, /^accountId$/],
      ['a __proto__ trait', '{"signedUpAt":"2026-03-01T00:00:00Z","traits":{"__proto__":{"admin":true}}}', /^traits\.__proto__$/],
      ['51 traits', `{"signedUpAt":"2026-03-01T00:00:00Z","traits":{${Array.from({ length: 51 }, (_, i) => `"t${i}":1`).join(',')}}}`, /^traits$/],
      ['a 1001-character trait', `{"signedUpAt":"2026-03-01T00:00:00Z","traits":{"bio":${q('x'.repeat(1001))}}}`, /^traits\.bio$/],
      ['a 65-character time zone', `{"signedUpAt":"2026-03-01T00:00:00Z","timeZone":${q('Z'.repeat(65))}}`, /^timeZone$/],
    ]
    it.each(cases)('answers 400 with the path for %s', async (what, body, path) => {
      const response = await send(what, `/v1/subjects/${uniqueUser()}`, { method: 'PUT', headers: bearer(API_KEY), body })
      expect(response.status).toBe(400)
      const error = ((await response.json()) as { error: { code: string; details: { path: string }[] } }).error
      expect(error.code).toBe('invalid_body')
      expect(error.details.map((d) => d.path)).toEqual([expect.stringMatching(path)])
    })

    it.each([
      ['a NUL', 'a%00b'],
      ['201 characters', 'u'.repeat(201)],
    ])('answers 4xx for a user id in the path with %s', async (what, id) => {
      const response = await send(`subject path ${what}`, `/v1/subjects/${id}`, { method: 'PUT', headers: bearer(API_KEY), body: '{"signedUpAt":"2026-03-01T00:00:00Z"}' })
      expect(response.status).toBe(400)
    })
  })

  describe('token claims', () => {
    it.each([
      ['a NUL in sub', { sub: 'u\u0000x' }],
      ['a lone surrogate in sub', { sub: 'u\ud800' }],
      ['a NUL in a trait', { traits: { plan: 'a\u0000' } }],
      ['a __proto__ trait', 'proto'],
      ['a signedUpAt of "1"', { signedUpAt: '1' }],
      ['a signedUpAt before year 1', { signedUpAt: '-000001-01-01T00:00:00Z' }],
      ['a 300-character account', { acct: 'a'.repeat(300) }],
      ['an expiry in the year 9999', { exp: Math.floor(Date.UTC(9999, 0, 1) / 1000) }],
      ['an issue time an hour ahead', { iat: nowS + 3600, exp: nowS + 7200 }],
      ['a two-day lifetime', { iat: nowS - 3600, exp: nowS + 47 * 3600 }],
    ])('answers 401 invalid_token for %s', async (what, overrides) => {
      const token =
        overrides === 'proto'
          ? // A claims object whose own "__proto__" key survives signing: jose serialises the payload with JSON.stringify.
            await rawToken(JSON.parse(`{"sub":${q(uniqueUser())},"signedUpAt":"2026-03-01T00:00:00Z","exp":${nowS + 600},"traits":{"__proto__":{"x":1}}}`) as Record<string, unknown>)
          : await rawToken(validClaims(overrides as Record<string, unknown>))
      const response = await send(`token ${what}`, '/v1/me/progress', { headers: bearer(token) })
      expect(response.status).toBe(401)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_token')
    })

    it('still accepts a well-formed token of an hour', async () => {
      const response = await send('good token', '/v1/me/progress', { headers: bearer(await rawToken(validClaims({}))) })
      expect(response.status).toBe(200)
    })
  })

  describe('ids in paths', () => {
    it.each([
      ['a NUL', 'a%00b', 400],
      ['an unpaired surrogate', 'a%ED%A0%80b', 404],
      ['broken percent-encoding', 'a%E0%A4%A', 404],
      ['201 characters', 'c'.repeat(201), 400],
    ])('answers a celebration id with %s with %i', async (what, id, status) => {
      const response = await send(`celebration ${what}`, `/v1/me/celebrations/${id}/seen`, { method: 'POST', headers: bearer(await tokenFor(uniqueUser())) })
      expect(response.status).toBe(status)
    })
  })
})
