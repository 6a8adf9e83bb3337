import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { httpSource, type CairnError } from '../../src/client'
import { demoProgram } from '../../src/core'
import { createCairnStore } from '../../src/store'
import { BASE_URL, meProgress, startMockApi, userToken } from './fixtures'

const server = startMockApi()

describe('a request that never answers', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }))
  afterEach(() => vi.useRealTimers())

  it('is abandoned after the timeout and retried like a network failure', async () => {
    let hits = 0
    server.use(
      http.get(`${BASE_URL}/v1/me/progress`, () => (++hits === 1 ? new Promise<never>(() => {}) : HttpResponse.json(meProgress()))),
      http.get(`${BASE_URL}/v1/program`, () => HttpResponse.json(demoProgram)),
    )
    const source = httpSource({ baseUrl: BASE_URL, getToken: () => userToken(), live: false, random: () => 0.5, timeoutMs: 10_000 })
    const loaded = source.load()
    await vi.advanceTimersByTimeAsync(10_000 + 250) // the timeout, then the first backoff (0.5 × 500 ms)
    await expect(loaded).resolves.toMatchObject({ progress: { programId: demoProgram.id } })
    expect(hits).toBe(2)
  })

  it('ends in a network error (the widget shows its quiet error with Retry) once every attempt timed out', async () => {
    let hits = 0
    server.use(
      http.get(`${BASE_URL}/v1/me/progress`, () => {
        hits++
        return new Promise<never>(() => {})
      }),
      http.get(`${BASE_URL}/v1/program`, () => HttpResponse.json(demoProgram)),
    )
    const source = httpSource({ baseUrl: BASE_URL, getToken: () => userToken(), live: false, random: () => 0, timeoutMs: 1_000, retry: { retries: 2 } })
    const store = createCairnStore({ source })
    const loading = store.getState().load()
    // Let each attempt time out in turn, until the store settles.
    for (let step = 0; step < 10 && store.getState().status === 'loading'; step++) await vi.advanceTimersByTimeAsync(1_000)
    await loading
    expect(hits).toBe(3) // the first attempt and two retries
    expect(store.getState().status).toBe('error')
    expect(store.getState().error).toMatchObject({ code: 'network', message: 'The Cairn API did not answer within 1 s' })
  })
})

describe('one unsafe link in an answer', () => {
  const unsafe = { label: 'Open', href: 'javascript:alert(1)' }

  it('is left out, the rest of the answer is kept, and the host hears of it through onError', async () => {
    const program = { ...demoProgram, milestones: demoProgram.milestones.map((m, i) => (i === 0 ? { ...m, cta: unsafe } : m)) }
    const progress = meProgress({
      nextSteps: [
        { milestoneId: 'first-project', title: 'Create your first project', reason: 'Start here', cta: unsafe },
        { milestoneId: 'five-tasks', title: 'Add 5 tasks', reason: 'Next', cta: { label: 'Add', href: '/tasks/new' } },
      ],
    })
    server.use(
      http.get(`${BASE_URL}/v1/me/progress`, () => HttpResponse.json(progress)),
      http.get(`${BASE_URL}/v1/program`, () => HttpResponse.json(program)),
    )
    const errors: Error[] = []
    const store = createCairnStore({ source: httpSource({ baseUrl: BASE_URL, getToken: () => userToken(), live: false }), onError: (e) => errors.push(e) })
    await store.getState().load()
    const state = store.getState()
    expect(state.status).toBe('ready')
    expect(state.error).toBeNull()
    expect(state.program?.milestones[0]).not.toHaveProperty('cta')
    expect(state.program?.milestones[0]?.title).toBe(demoProgram.milestones[0]?.title)
    expect(state.progress?.nextSteps.map((s) => s.cta?.href)).toEqual([undefined, '/tasks/new'])
    expect(errors.map((e) => (e as CairnError).details)).toEqual(
      expect.arrayContaining([
        [{ path: 'milestones[0].cta.href', message: 'must be an http(s) or relative URL' }],
        [{ path: 'nextSteps[0].cta.href', message: 'must be an http(s) or relative URL' }],
      ]),
    )
  })

  it('leaves out an unsafe badge icon but keeps the badge', async () => {
    const program = { ...demoProgram, badges: demoProgram.badges.map((b, i) => (i === 0 ? { ...b, icon: 'javascript:alert(1)' } : b)) }
    server.use(
      http.get(`${BASE_URL}/v1/me/progress`, () => HttpResponse.json(meProgress())),
      http.get(`${BASE_URL}/v1/program`, () => HttpResponse.json(program)),
    )
    const { program: loaded, warnings } = await httpSource({ baseUrl: BASE_URL, getToken: () => userToken(), live: false }).load()
    expect(loaded.badges).toHaveLength(demoProgram.badges.length)
    expect(loaded.badges[0]).not.toHaveProperty('icon')
    expect(warnings).toHaveLength(1)
  })
})
