import type { MeProgress } from '../../../src/core'
import type { CairnServer, RunningServer } from '../../../src/server'
import { API_KEY, bearer, event, startServer, tokenFor, uniqueUser } from './harness'

let server: CairnServer
let running: RunningServer
beforeAll(async () => {
  server = await startServer({ heartbeatMs: 100 })
  running = await server.listen(0, '127.0.0.1')
})
afterAll(() => server.close())

/** Reads Server-Sent Events frames from a fetch response, one `next()` at a time. */
function sseReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  return {
    /** The next complete frame (text up to a blank line), or undefined when the stream ended. */
    async next(): Promise<string | undefined> {
      for (;;) {
        const end = buffer.indexOf('\n\n')
        if (end >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          return frame
        }
        const { done, value } = await reader.read()
        if (done) return undefined
        buffer += value
      }
    },
    /** Skips frames until one matches. */
    async until(match: (frame: string) => boolean): Promise<string> {
      for (;;) {
        const frame = await this.next()
        if (frame === undefined) throw new Error('stream ended')
        if (match(frame)) return frame
      }
    },
    cancel: () => reader.cancel(),
  }
}

const isProgress = (frame: string) => frame.split('\n').includes('event: progress')
const progressIn = (frame: string) => JSON.parse(frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n')) as MeProgress

describe('GET /v1/me/stream', () => {
  it('speaks the language of the token: the snapshot and every push carry German program text', async () => {
    const userId = uniqueUser()
    const response = await fetch(`${running.url}/v1/me/stream`, { headers: bearer(await tokenFor(userId, { locale: 'de' })) })
    const frames = sseReader(response)
    expect(progressIn(await frames.until(isProgress)).nextSteps.map((s) => s.title)).toContain('Lege dein erstes Projekt an')
    await fetch(`${running.url}/v1/events`, { method: 'POST', headers: bearer(API_KEY), body: JSON.stringify({ events: [event(userId, 'project_created')] }) })
    const pushed = progressIn(await frames.until((f) => isProgress(f) && progressIn(f).milestones['first-project']?.state === 'achieved'))
    expect(pushed.celebrations.find((c) => c.refId === 'first-project')?.title).toBe('Lege dein erstes Projekt an')
    await frames.cancel()
  })

  it('sends the snapshot on connect, then pushes the changed progress after an event arrives', async () => {
    const userId = uniqueUser()
    const response = await fetch(`${running.url}/v1/me/stream`, { headers: bearer(await tokenFor(userId)) })
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toContain('text/event-stream')
    const frames = sseReader(response)

    const initial = progressIn(await frames.until(isProgress))
    expect(initial.milestones['first-project']?.state).toBe('available')

    const posted = await fetch(`${running.url}/v1/events`, { method: 'POST', headers: bearer(API_KEY), body: JSON.stringify({ events: [event(userId, 'project_created')] }) })
    expect(posted.status).toBe(202)

    const pushed = progressIn(await frames.until((f) => isProgress(f) && progressIn(f).milestones['first-project']?.state === 'achieved'))
    expect(pushed.milestones['first-project']).toMatchObject({ state: 'achieved', current: 1 })
    await frames.cancel()
  })

  it('accepts the token as a query parameter (EventSource cannot send headers)', async () => {
    const response = await fetch(`${running.url}/v1/me/stream?token=${await tokenFor(uniqueUser())}`)
    expect(response.status).toBe(200)
    const frames = sseReader(response)
    expect(isProgress(await frames.until(isProgress))).toBe(true)
    await frames.cancel()
  })

  it('keeps an idle connection alive with heartbeat comments', async () => {
    const response = await fetch(`${running.url}/v1/me/stream`, { headers: bearer(await tokenFor(uniqueUser())) })
    const frames = sseReader(response)
    expect(await frames.until((f) => f.startsWith(':'))).toBe(': heartbeat')
    await frames.cancel()
  })

  it('refuses a stream without a valid token', async () => {
    const response = await fetch(`${running.url}/v1/me/stream?token=not-a-token`)
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_token' } })
  })

  it('ends open streams when the server closes', async () => {
    const other = await startServer({ service: server.service })
    const listening = await other.listen(0, '127.0.0.1')
    const response = await fetch(`${listening.url}/v1/me/stream`, { headers: bearer(await tokenFor(uniqueUser())) })
    const frames = sseReader(response)
    await frames.until(isProgress)
    await other.close()
    await expect(frames.until(() => false)).rejects.toThrow('stream ended')
  })
})
