import { http, HttpResponse } from 'msw'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { httpSource, SSE_FAILURES_BEFORE_POLLING, type HttpSourceOptions, type SourceListener } from '../../src/client'
import type { MeProgress } from '../../src/core'
import { fakeEventSourceClass } from './fake-event-source'
import { BASE_URL, meProgress, startMockApi } from './fixtures'

const server = startMockApi()
const POLL_MS = 30_000

function listener() {
  const received: MeProgress[] = []
  const errors: Error[] = []
  const spy: SourceListener = { progress: (p) => received.push(p), error: (e) => errors.push(e) }
  return { spy, received, errors }
}

/** Serves progress snapshots and counts how often they are polled. */
function progressEndpoint() {
  const polls: number[] = []
  server.use(
    http.get(`${BASE_URL}/v1/me/progress`, () => {
      polls.push(Date.now())
      return HttpResponse.json(meProgress({ evaluatedAt: new Date().toISOString() }))
    }),
  )
  return polls
}

/** Serves single-use stream tickets (`ticket-1`, `ticket-2`, …) and remembers the credential each was asked with. */
function ticketEndpoint(answer?: (n: number) => Response | undefined) {
  const askedWith: (string | null)[] = []
  server.use(
    http.post(`${BASE_URL}/v1/me/stream-ticket`, ({ request }) => {
      askedWith.push(request.headers.get('Authorization'))
      const n = askedWith.length
      return answer?.(n) ?? HttpResponse.json({ ticket: `ticket-${n}`, expiresAt: new Date(Date.now() + 60_000).toISOString() }, { status: 201 })
    }),
  )
  return askedWith
}

/** Lets pending promises and msw's in-process responses settle without moving the clock. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0)
}

// The live connection's code arrives with import() on the first subscription; load it once up front so the
// fake-timer steps below wait on the connection, never on a module read from disk.
beforeAll(async () => {
  await import('../../src/client/http/live')
})

describe('httpSource live updates over SSE', () => {
  let tokens: number
  const fake = () => fakeEventSourceClass()
  const make = (EventSource: HttpSourceOptions['EventSource'], extra: Partial<HttpSourceOptions> = {}) =>
    httpSource({ baseUrl: BASE_URL, getToken: () => `token-${++tokens}`, EventSource, random: () => 0.5, pollIntervalMs: POLL_MS, ...extra })

  beforeEach(() => {
    tokens = 0
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  beforeEach(() => {
    ticketEndpoint()
  })

  it('opens the stream with a single-use ticket in the URL, never the token, and delivers validated progress events', async () => {
    const es = fake()
    const asked = ticketEndpoint()
    const { spy, received } = listener()
    make(es.FakeEventSource).subscribe(spy)
    await settle()
    expect(asked).toEqual(['Bearer token-1']) // the token travels in a header
    expect(es.latest().url).toBe(`${BASE_URL}/v1/me/stream?ticket=ticket-1`)
    expect(es.latest().url).not.toMatch(/token/)
    es.latest().open()
    es.latest().send(meProgress({ unlockedFeatures: ['templates'] }))
    expect(received).toHaveLength(1)
    expect(received[0]!.unlockedFeatures).toEqual(['templates'])
  })

  it('opens no stream when the last subscriber leaves before the live code has arrived', async () => {
    const es = fake()
    make(es.FakeEventSource).subscribe(listener().spy)()
    await settle()
    expect(es.instances).toHaveLength(0)
  })

  it('reports a garbage event as invalid_response and keeps listening', async () => {
    const es = fake()
    const { spy, received, errors } = listener()
    make(es.FakeEventSource).subscribe(spy)
    await settle()
    es.latest().open()
    es.latest().send('<html>not json</html>')
    es.latest().send({ programId: 'taskly-onboarding' })
    es.latest().send(meProgress())
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(['invalid_response', 'invalid_response'])
    expect(received).toHaveLength(1)
    expect(es.latest().closed).toBe(false)
  })

  it('reconnects after a backoff with a fresh ticket and catches up on what it missed', async () => {
    const es = fake()
    const asked = ticketEndpoint()
    const polls = progressEndpoint()
    const { spy, received, errors } = listener()
    make(es.FakeEventSource).subscribe(spy)
    await settle()
    es.latest().open()
    es.latest().fail()
    expect(es.instances[0]!.closed).toBe(true)
    expect(errors[0]).toMatchObject({ code: 'network' })

    await vi.advanceTimersByTimeAsync(249) // full jitter: 0.5 × 500 ms
    expect(es.instances).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await settle()
    expect(es.instances).toHaveLength(2)
    expect(es.latest().ticket).toBe('ticket-2') // the first one is used up
    expect(asked).toHaveLength(2)

    es.latest().open()
    await settle()
    expect(polls).toHaveLength(1) // one catch-up fetch after reconnecting
    expect(received).toHaveLength(1)
  })

  it(`falls back to polling after ${SSE_FAILURES_BEFORE_POLLING} failed connections in a row`, async () => {
    const es = fake()
    const polls = progressEndpoint()
    const { spy, received } = listener()
    make(es.FakeEventSource).subscribe(spy)
    await settle()
    for (let i = 0; i < SSE_FAILURES_BEFORE_POLLING; i++) {
      es.latest().fail()
      await vi.advanceTimersByTimeAsync(15_000)
      await settle()
    }
    expect(es.instances).toHaveLength(SSE_FAILURES_BEFORE_POLLING)
    expect(polls).toHaveLength(1) // polled at once on giving up on the stream
    await vi.advanceTimersByTimeAsync(POLL_MS)
    await settle()
    expect(polls).toHaveLength(2)
    expect(received).toHaveLength(2)
    expect(es.instances).toHaveLength(SSE_FAILURES_BEFORE_POLLING) // no more stream attempts
  })

  it('gets a fresh token when the ticket request is refused with 401, and connects with the new ticket', async () => {
    const es = fake()
    const asked = ticketEndpoint((n) => (n === 1 ? HttpResponse.json({ error: { code: 'token_expired', message: 'The user token has expired.' } }, { status: 401 }) : undefined))
    const { spy, errors } = listener()
    make(es.FakeEventSource).subscribe(spy)
    await settle()
    expect(asked).toEqual(['Bearer token-1', 'Bearer token-2'])
    expect(es.instances).toHaveLength(1)
    expect(es.latest().ticket).toBe('ticket-2')
    expect(errors).toEqual([])
  })

  it('counts a ticket that cannot be had as a failed connection: it backs off, retries, and polls in the end', async () => {
    const es = fake()
    const polls = progressEndpoint()
    const asked = ticketEndpoint(() => HttpResponse.json({ error: { code: 'not_found', message: 'No such route.' } }, { status: 404 }))
    const { spy, errors } = listener()
    make(es.FakeEventSource).subscribe(spy)
    for (let i = 0; i < SSE_FAILURES_BEFORE_POLLING; i++) {
      await settle()
      await vi.advanceTimersByTimeAsync(15_000)
    }
    await settle()
    expect(asked).toHaveLength(SSE_FAILURES_BEFORE_POLLING)
    expect(errors.map((e) => (e as { status?: number }).status)).toEqual(Array(SSE_FAILURES_BEFORE_POLLING).fill(404))
    expect(es.instances).toHaveLength(0) // never a stream with the token in its URL instead
    expect(polls.length).toBeGreaterThanOrEqual(1)
  })

  it('shares one stream between subscribers and closes it when the last one leaves', async () => {
    const es = fake()
    const source = make(es.FakeEventSource)
    const a = listener()
    const b = listener()
    const stopA = source.subscribe(a.spy)
    const stopB = source.subscribe(b.spy)
    await settle()
    expect(es.instances).toHaveLength(1)
    es.latest().send(meProgress())
    expect([a.received.length, b.received.length]).toEqual([1, 1])
    stopA()
    expect(es.latest().closed).toBe(false)
    stopB()
    expect(es.latest().closed).toBe(true)
  })

  it('clears every timer when disposed during a reconnect backoff', async () => {
    const es = fake()
    const source = make(es.FakeEventSource)
    source.subscribe(listener().spy)
    await settle()
    es.latest().fail()
    expect(vi.getTimerCount()).toBeGreaterThan(0)
    source.dispose()
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(es.instances).toHaveLength(1)
  })
})

describe('httpSource live updates by polling', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('polls GET /v1/me/progress when the platform has no EventSource (Node)', async () => {
    expect((globalThis as { EventSource?: unknown }).EventSource).toBeUndefined()
    const polls = progressEndpoint()
    const { spy, received } = listener()
    httpSource({ baseUrl: BASE_URL, getToken: () => 't', pollIntervalMs: POLL_MS }).subscribe(spy)
    await vi.advanceTimersByTimeAsync(POLL_MS - 1)
    expect(polls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    await settle()
    expect(polls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(POLL_MS)
    await settle()
    expect(polls).toHaveLength(2)
    expect(received).toHaveLength(2)
  })

  it("polls when live is 'poll' even where EventSource exists", async () => {
    const es = fakeEventSourceClass()
    const polls = progressEndpoint()
    httpSource({ baseUrl: BASE_URL, getToken: () => 't', live: 'poll', EventSource: es.FakeEventSource, pollIntervalMs: POLL_MS }).subscribe(listener().spy)
    await vi.advanceTimersByTimeAsync(POLL_MS)
    await settle()
    expect(polls).toHaveLength(1)
    expect(es.instances).toHaveLength(0)
  })

  it('keeps polling after a failed poll and reports the failure', async () => {
    let calls = 0
    server.use(
      http.get(`${BASE_URL}/v1/me/progress`, () =>
        ++calls === 1 ? HttpResponse.json({ error: { code: 'forbidden', message: 'no' } }, { status: 403 }) : HttpResponse.json(meProgress()),
      ),
    )
    const { spy, received, errors } = listener()
    httpSource({ baseUrl: BASE_URL, getToken: () => 't', pollIntervalMs: POLL_MS }).subscribe(spy)
    await vi.advanceTimersByTimeAsync(POLL_MS)
    await settle()
    expect(errors[0]).toMatchObject({ status: 403 })
    await vi.advanceTimersByTimeAsync(POLL_MS)
    await settle()
    expect(received).toHaveLength(1)
  })

  it('stops polling and leaves no timer behind once unsubscribed', async () => {
    const polls = progressEndpoint()
    const stop = httpSource({ baseUrl: BASE_URL, getToken: () => 't', pollIntervalMs: POLL_MS }).subscribe(listener().spy)
    stop()
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(POLL_MS * 3)
    expect(polls).toHaveLength(0)
  })

  it('does nothing live when live is false', async () => {
    const polls = progressEndpoint()
    httpSource({ baseUrl: BASE_URL, getToken: () => 't', live: false }).subscribe(listener().spy)
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(POLL_MS * 3)
    expect(polls).toHaveLength(0)
  })
})
