import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { httpSource } from '../../src/client'
import { demoProgram } from '../../src/core'
import { BASE_URL, meProgress, startMockApi, userToken } from './fixtures'

// The share requests' code cannot load (offline, or a deploy removed the old file).
vi.mock('../../src/client/http/share-requests', () => {
  throw new Error('Failed to fetch dynamically imported module')
})

const server = startMockApi()

describe('httpSource without the share requests code', () => {
  it('rejects share and unshare with a network error that says so (sending nothing), and still loads progress', async () => {
    server.use(http.get(`${BASE_URL}/v1/me/progress`, () => HttpResponse.json(meProgress())), http.get(`${BASE_URL}/v1/program`, () => HttpResponse.json(demoProgram)))
    const source = httpSource({ baseUrl: BASE_URL, getToken: () => userToken(), live: false })
    const failure = { code: 'network', message: 'Sharing could not start (its code did not load)' }
    await expect(source.share('badge', 'organized')).rejects.toMatchObject(failure)
    await expect(source.unshare('AbCdEfGhIjKlMnOpQrStUv')).rejects.toMatchObject(failure)
    await expect(source.load()).resolves.toMatchObject({ program: expect.any(Object), progress: expect.any(Object) })
  })
})
