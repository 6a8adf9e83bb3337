import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { httpSource } from '../../src/client'
import { BASE_URL, startMockApi, userToken } from './fixtures'

const server = startMockApi()
const DIGEST = { period: 'week', from: '2026-04-24T00:00:00.000Z', to: '2026-05-01T00:00:00.000Z', achieved: [], badges: [], levelsCompleted: [] }

/** Serves the given responses in order (the last one repeats) and counts the requests. */
function digestResponses(...responses: (() => Response)[]) {
  const hits: number[] = []
  server.use(
    http.get(`${BASE_URL}/v1/me/digest`, () => {
      hits.push(Date.now())
      return responses[Math.min(hits.length - 1, responses.length - 1)]!()
    }),
  )
  return hits
}

// Real backoff timers, faked: the source's own setTimeout-based sleep is what is under test here.
const source = () => httpSource({ baseUrl: BASE_URL, getToken: () => userToken(), live: false, random: () => 0.5 })

describe('httpSource retries', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('retries a 503 after a jittered backoff and then succeeds', async () => {
    const hits = digestResponses(
      () => HttpResponse.json({ error: { code: 'unavailable', message: 'down' } }, { status: 503 }),
      () => HttpResponse.json(DIGEST),
    )
    const result = source().digest('week')
    await vi.advanceTimersByTimeAsync(249) // backoff of attempt 0 is random 0.5 × 500 ms = 250 ms
    expect(hits).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(result).resolves.toMatchObject({ period: 'week' })
    expect(hits).toHaveLength(2)
  })

  it('grows the backoff exponentially between attempts', async () => {
    const hits = digestResponses(
      () => new HttpResponse(null, { status: 502 }),
      () => new HttpResponse(null, { status: 502 }),
      () => HttpResponse.json(DIGEST),
    )
    const result = source().digest('week')
    await vi.advanceTimersByTimeAsync(250)
    expect(hits).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(499) // attempt 1: 0.5 × 1000 ms
    expect(hits).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    await expect(result).resolves.toMatchObject({ period: 'week' })
    expect(hits).toHaveLength(3)
  })

  it('honours Retry-After seconds on a 429 instead of its own backoff', async () => {
    const hits = digestResponses(
      () => HttpResponse.json({ error: { code: 'rate_limited', message: 'slow down' } }, { status: 429, headers: { 'Retry-After': '3' } }),
      () => HttpResponse.json(DIGEST),
    )
    const result = source().digest('week')
    await vi.advanceTimersByTimeAsync(2999)
    expect(hits).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(result).resolves.toMatchObject({ period: 'week' })
    expect(hits).toHaveLength(2)
  })

  it('honours Retry-After given as an HTTP-date', async () => {
    const hits = digestResponses(
      () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': new Date(Date.now() + 5000).toUTCString() } }),
      () => HttpResponse.json(DIGEST),
    )
    const result = source().digest('week')
    // HTTP-dates have whole-second precision, so the wait is at most 5 s and more than 4 s.
    await vi.advanceTimersByTimeAsync(4000)
    expect(hits).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1000)
    await expect(result).resolves.toMatchObject({ period: 'week' })
    expect(hits).toHaveLength(2)
  })

  it.each([400, 403, 404, 422])('does not retry a %i', async (status) => {
    const hits = digestResponses(() => HttpResponse.json({ error: { code: 'nope', message: 'no' } }, { status }))
    const result = source().digest('week').catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(await result).toMatchObject({ code: 'http', status })
    expect(hits).toHaveLength(1)
  })

  it('retries network failures and reports code network once retries run out', async () => {
    const hits = digestResponses(() => HttpResponse.error())
    const result = source().digest('week').catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(await result).toMatchObject({ code: 'network' })
    expect(hits).toHaveLength(5) // the first attempt and 4 retries
  })

  it('uses the configured retry budget', async () => {
    const hits = digestResponses(() => new HttpResponse(null, { status: 500 }))
    const result = httpSource({ baseUrl: BASE_URL, getToken: () => userToken(), live: false, retry: { retries: 1 } })
      .digest('week')
      .catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(await result).toMatchObject({ code: 'http', status: 500 })
    expect(hits).toHaveLength(2)
  })
})
