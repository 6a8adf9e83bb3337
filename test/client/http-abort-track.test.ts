import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { httpSource } from '../../src/client'
import { demoProgram } from '../../src/core'
import { BASE_URL, meProgress, startMockApi, userToken } from './fixtures'

const server = startMockApi()
const source = () => httpSource({ baseUrl: BASE_URL, getToken: () => userToken('user-7'), live: false })

/** A progress endpoint that answers only when released, so a test can act while a request is in flight. */
function hangingProgress() {
  let arrived!: () => void
  const requestArrived = new Promise<void>((resolve) => (arrived = resolve))
  server.use(
    http.get(`${BASE_URL}/v1/program`, () => HttpResponse.json(demoProgram)),
    http.get(`${BASE_URL}/v1/me/progress`, async () => {
      arrived()
      await delay('infinite')
      return HttpResponse.json(meProgress())
    }),
  )
  return requestArrived
}

describe('httpSource aborts', () => {
  it('rejects an in-flight load with code aborted when the source is disposed', async () => {
    const arrived = hangingProgress()
    const cairn = source()
    const loading = cairn.load()
    await arrived
    cairn.dispose()
    await expect(loading).rejects.toMatchObject({ code: 'aborted' })
  })

  it('rejects with aborted when the caller aborts its own signal', async () => {
    const arrived = hangingProgress()
    const controller = new AbortController()
    const loading = source().load(controller.signal)
    await arrived
    controller.abort()
    await expect(loading).rejects.toMatchObject({ code: 'aborted' })
  })

  it('refuses new work after dispose', async () => {
    hangingProgress()
    const cairn = source()
    cairn.dispose()
    await expect(cairn.load()).rejects.toMatchObject({ code: 'aborted' })
  })
})

describe('httpSource track and acknowledge', () => {
  it('posts the event with an id and a timestamp, and leaves user and account to the server (never decoded from the token)', async () => {
    let body: unknown
    server.use(
      http.post(`${BASE_URL}/v1/me/events`, async ({ request }) => {
        body = await request.json()
        return HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] })
      }),
    )
    await source().track({ name: 'feature_used', properties: { feature: 'boards' } })
    expect(body).toEqual({
      events: [
        {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          name: 'feature_used',
          timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          properties: { feature: 'boards' },
        },
      ],
    })
  })

  it('keeps a caller-given idempotency key so a retried event counts once', async () => {
    const ids: string[] = []
    server.use(
      http.post(`${BASE_URL}/v1/me/events`, async ({ request }) => {
        ids.push(((await request.json()) as { events: { id: string }[] }).events[0]!.id)
        return HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] })
      }),
    )
    await source().track({ name: 'feature_used', id: 'evt-42', properties: { feature: 'boards' } })
    expect(ids).toEqual(['evt-42'])
  })

  it('fails with invalid_input when the server rejects the event', async () => {
    server.use(
      http.post(`${BASE_URL}/v1/me/events`, () =>
        HttpResponse.json({ accepted: 0, duplicates: 0, rejected: [{ index: 0, error: { code: 'not_client_trackable', message: 'task_added cannot be sent from the browser' } }] }),
      ),
    )
    await expect(source().track({ name: 'task_added' })).rejects.toMatchObject({ code: 'invalid_input', message: 'task_added cannot be sent from the browser' })
  })

  it('fails with invalid_input before any request when the input is malformed', async () => {
    // No handler: an unexpected request would fail the test through onUnhandledRequest.
    await expect(source().track({ name: '' })).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('refreshes subscribers after a track when there is no live channel', async () => {
    server.use(
      http.post(`${BASE_URL}/v1/me/events`, () => HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] })),
      http.get(`${BASE_URL}/v1/me/progress`, () => HttpResponse.json(meProgress({ unlockedFeatures: ['templates'] }))),
    )
    const received: string[][] = []
    const cairn = source()
    cairn.subscribe({ progress: (p) => received.push(p.unlockedFeatures), error: () => {} })
    await cairn.track({ name: 'project_created' })
    expect(received).toEqual([['templates']])
  })

  it('acknowledges a celebration at its encoded path', async () => {
    let path = ''
    server.use(
      http.post(`${BASE_URL}/v1/me/celebrations/:id/seen`, ({ request }) => {
        path = new URL(request.url).pathname
        return new HttpResponse(null, { status: 204 })
      }),
    )
    await source().ackCelebration('milestone:first-project')
    expect(path).toBe('/v1/me/celebrations/milestone%3Afirst-project/seen')
  })
})
