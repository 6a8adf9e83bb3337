import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CairnError, httpSource } from '../../src/client'
import { localSource } from '../../src/client/local'
import { demoProgram } from '../../src/core'
import { BASE_URL, recordingSleep, startMockApi, userToken } from './fixtures'

const server = startMockApi()
const source = () => httpSource({ baseUrl: BASE_URL, getToken: () => userToken(), live: false, sleep: recordingSleep().sleep })
const SHARE_ID = 'AbCdEfGhIjKlMnOpQrStUv'

async function rejectionOf(promise: Promise<unknown>): Promise<CairnError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof CairnError) return error
    throw error
  }
  throw new Error('expected a rejection')
}

describe('httpSource.share', () => {
  it('posts the kind, ref id and trimmed first name with the user token, and returns the link', async () => {
    let seen: { body: unknown; auth: string | null } | undefined
    server.use(
      http.post(`${BASE_URL}/v1/me/shares`, async ({ request }) => {
        seen = { body: await request.json(), auth: request.headers.get('Authorization') }
        return HttpResponse.json({ id: SHARE_ID, url: `${BASE_URL}/s/${SHARE_ID}` }, { status: 201 })
      }),
    )
    await expect(source().share('badge', 'team-player', { firstName: '  Alex ' })).resolves.toEqual({ id: SHARE_ID, url: `${BASE_URL}/s/${SHARE_ID}` })
    expect(seen).toEqual({ body: { kind: 'badge', refId: 'team-player', firstName: 'Alex' }, auth: `Bearer ${userToken()}` })
  })

  it('sends no firstName at all when the name is blank', async () => {
    let body: unknown
    server.use(
      http.post(`${BASE_URL}/v1/me/shares`, async ({ request }) => {
        body = await request.json()
        return HttpResponse.json({ id: SHARE_ID, url: `${BASE_URL}/s/${SHARE_ID}` }, { status: 201 })
      }),
    )
    await source().share('level', 'getting-started', { firstName: '   ' })
    expect(body).toEqual({ kind: 'level', refId: 'getting-started' })
  })

  it('rejects with the API’s own words and status when sharing is off (403) or the thing is not achieved (409)', async () => {
    server.use(
      http.post(`${BASE_URL}/v1/me/shares`, async ({ request }) => {
        const { refId } = (await request.json()) as { refId: string }
        return refId === 'off'
          ? HttpResponse.json({ error: { code: 'sharing_disabled', message: 'Sharing is not enabled for this program.' } }, { status: 403 })
          : HttpResponse.json({ error: { code: 'not_achieved', message: 'Only something this user has achieved or earned can be shared.' } }, { status: 409 })
      }),
    )
    const off = await rejectionOf(source().share('milestone', 'off'))
    expect(off).toMatchObject({ code: 'http', status: 403, message: 'Sharing is not enabled for this program.', details: { code: 'sharing_disabled' } })
    const notYet = await rejectionOf(source().share('milestone', 'five-tasks'))
    expect(notYet).toMatchObject({ code: 'http', status: 409, details: { code: 'not_achieved' } })
  })

  it('refuses an answer whose url is not an absolute http(s) link (it would be handed to other sites as it is)', async () => {
    server.use(http.post(`${BASE_URL}/v1/me/shares`, () => HttpResponse.json({ id: SHARE_ID, url: 'javascript:alert(1)' }, { status: 201 })))
    const error = await rejectionOf(source().share('milestone', 'first-project'))
    expect(error).toMatchObject({ code: 'invalid_response', message: 'The server sent an invalid share link (url: must be an absolute http(s) URL)' })
  })

  it('revokes with DELETE /v1/me/shares/{id}, and a 404 for someone else’s share is an error', async () => {
    const deleted: string[] = []
    server.use(
      http.delete(`${BASE_URL}/v1/me/shares/:id`, ({ params }) => {
        deleted.push(String(params.id))
        return params.id === SHARE_ID ? new HttpResponse(null, { status: 204 }) : HttpResponse.json({ error: { code: 'not_found', message: 'No such share for this user.' } }, { status: 404 })
      }),
    )
    await expect(source().unshare(SHARE_ID)).resolves.toBeUndefined()
    expect(await rejectionOf(source().unshare('someone-elses'))).toMatchObject({ code: 'http', status: 404 })
    expect(deleted).toEqual([SHARE_ID, 'someone-elses'])
  })
})

describe('a share request that never answers', () => {
  afterEach(() => vi.useRealTimers())

  it('is abandoned after the request timeout like every other call, and ends in a network error', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    let hits = 0
    server.use(
      http.post(`${BASE_URL}/v1/me/shares`, () => {
        hits++
        return new Promise<never>(() => {})
      }),
    )
    const slow = httpSource({ baseUrl: BASE_URL, getToken: () => userToken(), live: false, random: () => 0, timeoutMs: 1_000, retry: { retries: 1 } })
    let settled = false
    const sharing = rejectionOf(slow.share('milestone', 'first-project')).finally(() => (settled = true))
    // Let each attempt time out in turn, until the call settles.
    for (let step = 0; step < 10 && !settled; step++) await vi.advanceTimersByTimeAsync(1_000)
    expect(await sharing).toMatchObject({ code: 'network', message: 'The Cairn API did not answer within 1 s' })
    expect(hits).toBe(2) // the first attempt and one retry
  })
})

describe('localSource and sharing', () => {
  it('has no share method: a public page needs the API, so the widget offers no share action', () => {
    const local = localSource({ program: demoProgram })
    expect(local.share).toBeUndefined()
    expect(local.unshare).toBeUndefined()
  })
})

describe('Program.sharing in GET /v1/program', () => {
  it('is kept when well formed and left out (sharing off, reported) when malformed, never failing the program', async () => {
    const { validateProgram } = await import('../../src/client/validate')
    const sharing = { enabled: true, productName: 'Taskly', productUrl: 'https://taskly.example/' }
    expect(validateProgram({ ...demoProgram, sharing }).sharing).toEqual(sharing)
    const reported: Error[] = []
    const program = validateProgram({ ...demoProgram, sharing: { enabled: 'yes', productName: 'Taskly' } }, (error) => reported.push(error))
    expect(program.sharing).toBeUndefined()
    expect(reported[0]?.message).toContain('sharing.enabled')
  })
})
