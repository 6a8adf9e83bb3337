import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { CairnError, httpSource } from '../../src/client'
import { demoProgram } from '../../src/core'
import { BASE_URL, meProgress, recordingSleep, startMockApi, userToken } from './fixtures'

const server = startMockApi()
const source = () => httpSource({ baseUrl: BASE_URL, getToken: () => userToken(), live: false, sleep: recordingSleep().sleep })
const serveProgram = () => server.use(http.get(`${BASE_URL}/v1/program`, () => HttpResponse.json(demoProgram)))

describe('httpSource response validation', () => {
  it('loads a valid program and progress snapshot', async () => {
    serveProgram()
    server.use(http.get(`${BASE_URL}/v1/me/progress`, () => HttpResponse.json(meProgress())))
    const snapshot = await source().load()
    expect(snapshot.program.id).toBe('taskly-onboarding')
    expect(snapshot.progress.levels[0]).toMatchObject({ id: 'getting-started', state: 'active' })
  })

  it('turns a body that is not JSON into invalid_response', async () => {
    serveProgram()
    server.use(http.get(`${BASE_URL}/v1/me/progress`, () => new HttpResponse('{"programId": "taskly', { status: 200 })))
    await expect(source().load()).rejects.toMatchObject({ name: 'CairnError', code: 'invalid_response' })
  })

  it('turns an HTML page served with 200 (a captive portal, a login redirect) into invalid_response', async () => {
    serveProgram()
    server.use(http.get(`${BASE_URL}/v1/me/progress`, () => HttpResponse.html('<!doctype html><h1>Please sign in</h1>')))
    const error = await source().load().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CairnError)
    expect(error).toMatchObject({ code: 'invalid_response' })
    expect((error as Error).message).not.toContain('<h1>')
  })

  it('rejects progress of the wrong shape with the path that was wrong', async () => {
    serveProgram()
    server.use(http.get(`${BASE_URL}/v1/me/progress`, () => HttpResponse.json({ ...meProgress(), levels: 'all of them' })))
    const error = await source().load().catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'invalid_response' })
    expect((error as CairnError).details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'levels' })]))
  })

  it('rejects a program with an unknown criterion kind, naming the path', async () => {
    const broken = structuredClone(demoProgram) as unknown as { milestones: { criterion: { kind: string } }[] }
    broken.milestones[0]!.criterion.kind = 'vibes'
    server.use(
      http.get(`${BASE_URL}/v1/program`, () => HttpResponse.json(broken)),
      http.get(`${BASE_URL}/v1/me/progress`, () => HttpResponse.json(meProgress())),
    )
    const error = await source().load().catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'invalid_response' })
    expect((error as Error).message).toContain('milestones[0].criterion.kind')
  })

  it('rejects a digest missing required fields', async () => {
    server.use(http.get(`${BASE_URL}/v1/me/digest`, () => HttpResponse.json({ period: 'week' })))
    await expect(source().digest('week')).rejects.toMatchObject({ code: 'invalid_response' })
  })

  it('accepts a valid digest and asks for the requested period', async () => {
    let period: string | null = null
    server.use(
      http.get(`${BASE_URL}/v1/me/digest`, ({ request }) => {
        period = new URL(request.url).searchParams.get('period')
        return HttpResponse.json({ period: 'month', from: '2026-04-01T00:00:00.000Z', to: '2026-05-01T00:00:00.000Z', achieved: [], badges: [], levelsCompleted: [] })
      }),
    )
    await expect(source().digest('month')).resolves.toMatchObject({ period: 'month' })
    expect(period).toBe('month')
  })

  it('surfaces the API error body as message and details of an http error', async () => {
    server.use(
      http.get(`${BASE_URL}/v1/me/digest`, () =>
        HttpResponse.json({ error: { code: 'invalid_query', message: 'period must be week or month' } }, { status: 400 }),
      ),
    )
    await expect(source().digest('week')).rejects.toMatchObject({
      code: 'http',
      status: 400,
      message: 'period must be week or month',
      details: { code: 'invalid_query' },
    })
  })

  it('keeps HTML error pages out of error messages', async () => {
    server.use(http.get(`${BASE_URL}/v1/me/digest`, () => HttpResponse.html('<html><body>Forbidden by proxy</body></html>', { status: 403 })))
    const error = await source().digest('week').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'http', status: 403 })
    expect((error as Error).message).not.toContain('<html>')
  })
})
