import { createUserToken, type CairnServer } from '../../../src/server'
import { API_KEY, bearer, errorOf, NOW, SECRET, startServer, tokenFor, uniqueUser } from './harness'

let server: CairnServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const claims = (userId: string) => ({ sub: userId, signedUpAt: NOW.toISOString(), exp: Math.floor(NOW.getTime() / 1000) + 3600 })
const get = (path: string, headers: Record<string, string> = {}) => server.app.request(path, { headers })

describe('user tokens', () => {
  it('accepts a token from createUserToken on /v1/me routes', async () => {
    const response = await get('/v1/me/progress', bearer(await tokenFor(uniqueUser())))
    expect(response.status).toBe(200)
  })

  it('answers a request without a credential with 401 and a WWW-Authenticate challenge', async () => {
    const response = await get('/v1/me/progress')
    expect(response.status).toBe(401)
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer realm="cairn"/)
    expect((await errorOf(response)).code).toBe('missing_credential')
  })

  it('rejects an unsigned token (alg none) crafted by hand', async () => {
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims(uniqueUser()))}.`
    const response = await get('/v1/me/progress', bearer(unsigned))
    expect(response.status).toBe(401)
    expect((await errorOf(response)).code).toBe('invalid_token')
  })

  it('rejects a token signed with another secret', async () => {
    const forged = await createUserToken({ secret: 'another-secret-of-sufficient-length-xyz', userId: uniqueUser(), signedUpAt: NOW, expiresIn: new Date(NOW.getTime() + 60_000) })
    const response = await get('/v1/me/progress', bearer(forged))
    expect(response.status).toBe(401)
    expect(response.headers.get('WWW-Authenticate')).toContain('error="invalid_token"')
    expect((await errorOf(response)).code).toBe('invalid_token')
  })

  it('rejects a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await tokenFor(uniqueUser())).split('.')
    const tampered = `${header}.${b64url(claims('someone-else'))}.${signature}`
    const response = await get('/v1/me/progress', bearer(tampered))
    expect(response.status).toBe(401)
    expect((await errorOf(response)).code).toBe('invalid_token')
  })

  it('rejects an expired token with token_expired', async () => {
    const expired = await tokenFor(uniqueUser(), { expiresIn: new Date(NOW.getTime() - 3_600_000) })
    const response = await get('/v1/me/progress', bearer(expired))
    expect(response.status).toBe(401)
    expect((await errorOf(response)).code).toBe('token_expired')
  })

  it('rejects a validly signed token with malformed claims', async () => {
    const noSignup = await createUserTokenWithRawClaims({ sub: uniqueUser(), signedUpAt: 'yesterday' })
    const response = await get('/v1/me/progress', bearer(noSignup))
    expect(response.status).toBe(401)
    expect((await errorOf(response)).code).toBe('invalid_token')
  })

  it('refuses the API key on /v1/me routes with 403 wrong_credential', async () => {
    const response = await get('/v1/me/progress', bearer(API_KEY))
    expect(response.status).toBe(403)
    expect((await errorOf(response)).code).toBe('wrong_credential')
  })

  it('accepts ?token= on the stream route only', async () => {
    const token = await tokenFor(uniqueUser())
    const response = await get(`/v1/me/progress?token=${token}`)
    expect(response.status).toBe(401)
  })
})

describe('the API key', () => {
  it('is required on server-to-server routes', async () => {
    const response = await get('/v1/insights')
    expect(response.status).toBe(401)
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
    expect((await errorOf(response)).code).toBe('missing_credential')
  })

  it('must match exactly', async () => {
    const response = await get('/v1/insights', bearer(`${API_KEY}x`))
    expect(response.status).toBe(401)
    expect((await errorOf(response)).code).toBe('invalid_api_key')
  })

  it('cannot be replaced by a user token: 403 wrong_credential', async () => {
    const token = await tokenFor(uniqueUser())
    for (const request of [
      get('/v1/insights', bearer(token)),
      server.app.request('/v1/events', { method: 'POST', headers: bearer(token), body: '{"events":[]}' }),
      server.app.request('/v1/subjects/u1', { method: 'PUT', headers: bearer(token), body: '{}' }),
    ]) {
      const response = await request
      expect(response.status).toBe(403)
      expect((await errorOf(response)).code).toBe('wrong_credential')
    }
  })

  it('is not read from the query string', async () => {
    const response = await get(`/v1/insights?token=${API_KEY}`)
    expect(response.status).toBe(401)
  })
})

describe('createUserToken', () => {
  it('refuses a secret too short to be safe', async () => {
    await expect(createUserToken({ secret: 'short', userId: 'u', signedUpAt: NOW })).rejects.toThrow(/at least 32/)
  })

  it('writes the documented claims', async () => {
    const token = await createUserToken({ secret: SECRET, userId: 'u-1', accountId: 'acct-1', signedUpAt: NOW, traits: { plan: 'team' }, consent: true })
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>
    expect(payload).toMatchObject({ sub: 'u-1', acct: 'acct-1', signedUpAt: NOW.toISOString(), traits: { plan: 'team' }, consent: true })
    expect(typeof payload.exp).toBe('number')
  })
})

/** Signs arbitrary claims with the right secret, bypassing createUserToken's own checks. */
async function createUserTokenWithRawClaims(payload: Record<string, unknown>): Promise<string> {
  const { SignJWT } = await import('jose')
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(Math.floor(NOW.getTime() / 1000) + 600).sign(new TextEncoder().encode(SECRET))
}
