import { describe, expect, it, vi } from 'vitest'
import { httpSource } from '../../src/client'
import { fakeEventSourceClass } from './fake-event-source'
import { BASE_URL, startMockApi } from './fixtures'

// The live connection's code cannot load (offline, or a deploy removed the old file).
vi.mock('../../src/client/http/live', () => {
  throw new Error('Failed to fetch dynamically imported module')
})

startMockApi()

describe('httpSource without the live connection code', () => {
  it('tells subscribers that live updates could not start, and opens no stream', async () => {
    const es = fakeEventSourceClass()
    const errors: Error[] = []
    httpSource({ baseUrl: BASE_URL, getToken: () => 'token', EventSource: es.FakeEventSource }).subscribe({ progress: () => {}, error: (e) => errors.push(e) })
    await vi.waitFor(() => expect(errors).toHaveLength(1))
    expect(errors[0]).toMatchObject({ code: 'network', message: 'Live updates could not start (their code did not load)' })
    expect(es.instances).toHaveLength(0)
  })

})
