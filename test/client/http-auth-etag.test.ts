import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { httpSource } from '../../src/client'
import { demoProgram } from '../../src/core'
import { BASE_URL, meProgress, startMockApi, userToken } from './fixtures'

const server = startMockApi()

describe('httpSource user tokens', () => {
  it('sends the token as a bearer header and asks getToken only once for many requests', async () => {
    const seen: (string | null)[] = []
    server.use(
      http.get(`${BASE_URL}/v1/me/progress`, ({ request }) => {
        seen.push(request.headers.get('Authorization'))
        return HttpResponse.json(meProgress())
      }),
      http.get(`${BASE_URL}/v1/program`, () => HttpResponse.json(demoProgram)),
    )
    const getToken = vi.fn(() => 'token-a')
    const source = httpSource({ baseUrl: BASE_URL, getToken, live: false })
    await source.load()
    await source.load()
    expect(seen).toEqual(['Bearer token-a', 'Bearer token-a'])
    expect(getToken).toHaveBeenCalledTimes(1)
  })

  it('calls getToken again on a 401 and retries with the fresh token', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/me/digest`, ({ request }) =>
        request.headers.get('Authorization') === 'Bearer fresh'
          ? HttpResponse.json({ period: 'week', from: '2026-04-24T00:00:00.000Z', to: '2026-05-01T00:00:00.000Z', achieved: [], badges: [], levelsCompleted: [] })
          : HttpResponse.json({ error: { code: 'token_expired', message: 'expired' } }, { status: 401 }),
      ),
    )
    const getToken = vi.fn().mockResolvedValueOnce('expired').mockResolvedValueOnce('fresh')
    await expect(httpSource({ baseUrl: BASE_URL, getToken, live: false }).digest('week')).resolves.toMatchObject({ period: 'week' })
    expect(getToken).toHaveBeenCalledTimes(2)
  })

  it('gives up with unauthorized when the fresh token is rejected too', async () => {
    let hits = 0
    server.use(
      http.get(`${BASE_URL}/v1/me/digest`, () => {
        hits++
        return HttpResponse.json({ error: { code: 'invalid_token', message: 'bad token' } }, { status: 401 })
      }),
    )
    const getToken = vi.fn(() => 'never-valid')
    const error = await httpSource({ baseUrl: BASE_URL, getToken, live: false }).digest('week').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 })
    expect(getToken).toHaveBeenCalledTimes(2)
    expect(hits).toBe(2)
  })

  it('reports a failing getToken as unauthorized and asks again next time', async () => {
    server.use(http.get(`${BASE_URL}/v1/me/progress`, () => HttpResponse.json(meProgress())), http.get(`${BASE_URL}/v1/program`, () => HttpResponse.json(demoProgram)))
    const getToken = vi.fn().mockRejectedValueOnce(new Error('session expired')).mockResolvedValue('token-b')
    const source = httpSource({ baseUrl: BASE_URL, getToken, live: false })
    await expect(source.load()).rejects.toMatchObject({ code: 'unauthorized' })
    await expect(source.load()).resolves.toMatchObject({ program: { id: 'taskly-onboarding' } })
  })
})

describe('httpSource program ETag', () => {
  it('revalidates with If-None-Match and keeps the cached program on 304', async () => {
    const conditions: (string | null)[] = []
    server.use(
      http.get(`${BASE_URL}/v1/program`, ({ request }) => {
        const ifNoneMatch = request.headers.get('If-None-Match')
        conditions.push(ifNoneMatch)
        if (ifNoneMatch === '"1"') return new HttpResponse(null, { status: 304, headers: { ETag: '"1"' } })
        return HttpResponse.json(demoProgram, { headers: { ETag: '"1"' } })
      }),
      http.get(`${BASE_URL}/v1/me/progress`, () => HttpResponse.json(meProgress())),
    )
    const source = httpSource({ baseUrl: BASE_URL, getToken: () => userToken(), live: false })
    const first = await source.load()
    const second = await source.load()
    expect(conditions).toEqual([null, '"1"'])
    expect(second.program).toBe(first.program)
  })

  it('replaces the program when the server sends a new version', async () => {
    const v2 = { ...demoProgram, version: '2' }
    let served = 0
    server.use(
      http.get(`${BASE_URL}/v1/program`, () => (served++ === 0 ? HttpResponse.json(demoProgram, { headers: { ETag: '"1"' } }) : HttpResponse.json(v2, { headers: { ETag: '"2"' } }))),
      http.get(`${BASE_URL}/v1/me/progress`, () => HttpResponse.json(meProgress())),
    )
    const source = httpSource({ baseUrl: BASE_URL, getToken: () => userToken(), live: false })
    await source.load()
    expect((await source.load()).program.version).toBe('2')
  })
})
