// The Cairn HTTP API (DESIGN §4) as msw handlers, serving fixture snapshots. Every handler answers only
// its own story's token and passes anything else on, so stories sharing a docs page never mix data.
import { delay, http, HttpResponse, type RequestHandler } from 'msw'
import { demoProgram, type Digest, type MeProgress, type Program } from '../../src/core'
import { digestOf } from '../fixtures/digests'
import { halfway } from '../fixtures/snapshots'
import { createLiveStream, type LiveStream } from './live-stream'

export interface CairnApiOptions {
  /** `GET /v1/program`. @default demoProgram */
  program?: Program
  /** `GET /v1/me/progress` and the first `event: progress` of the stream. @default halfway */
  progress?: MeProgress
  /** `GET /v1/me/digest`. @default the real core digest of `progress` */
  digest?: (period: Digest['period']) => Digest
  /** Where live updates come from; pass your own to push snapshots. @default a stream that sends `progress` once */
  live?: LiveStream
  /** The first N progress requests answer 500 (`Infinity`: the API stays down). @default 0 */
  failProgress?: number
  /** Progress requests after the first answer 500: a refresh fails while the last good data stays. @default false */
  failRefresh?: boolean
  /** Progress never answers: the loading state. @default false */
  neverRespond?: boolean
  /** The stream answers 500 (live updates unavailable). @default false */
  streamDown?: boolean
  /** `loading`: the digest never answers; `error`: it answers 500 once, then recovers. @default 'ok' */
  digestStatus?: 'ok' | 'loading' | 'error'
}

/** Handlers for one story, plus what the story's play function may want to check. */
export interface CairnApi {
  (story: { token: string }): readonly RequestHandler[]
  /** Celebration ids the widget acknowledged (`POST /v1/me/celebrations/:id/seen`), in order. */
  readonly seen: string[]
}

function apiError(status: number, code: string, message: string) {
  return HttpResponse.json({ error: { code, message } }, { status })
}

/** Builds the mocked API; pass the result as `parameters.msw.handlers`. */
export function cairnApi(options: CairnApiOptions = {}): CairnApi {
  const program = options.program ?? demoProgram
  const progress = options.progress ?? halfway
  const digest = options.digest ?? ((period: Digest['period']) => digestOf(progress, period))
  const seen: string[] = []

  const handlers = ({ token }: { token: string }): readonly RequestHandler[] => {
    // The stream is opened with a ticket (`POST /v1/me/stream-ticket`), never the token; one per story is enough here.
    const ticket = `ticket-for-${token}`
    const mine = (request: Request) =>
      request.headers.get('Authorization') === `Bearer ${token}` || new URL(request.url).searchParams.get('ticket') === ticket
    const live = options.live ?? createLiveStream()
    let progressRequests = 0
    let digestRequests = 0
    seen.length = 0 // fresh for every render of the story

    return [
      http.get('*/v1/program', ({ request }) => {
        if (!mine(request)) return
        const etag = `"${program.version}"`
        if (request.headers.get('If-None-Match') === etag) return new HttpResponse(null, { status: 304, headers: { ETag: etag } })
        return HttpResponse.json(program, { headers: { ETag: etag } })
      }),

      http.get('*/v1/me/progress', async ({ request }) => {
        if (!mine(request)) return
        progressRequests += 1
        if (options.neverRespond) await delay('infinite')
        if (progressRequests <= (options.failProgress ?? 0) || (options.failRefresh && progressRequests > 1)) {
          return apiError(500, 'internal', 'The progress service is unavailable')
        }
        return HttpResponse.json(progress)
      }),

      http.post('*/v1/me/stream-ticket', ({ request }) => {
        if (!mine(request)) return
        return HttpResponse.json({ ticket, expiresAt: new Date(Date.now() + 60_000).toISOString() }, { status: 201 })
      }),

      http.get('*/v1/me/stream', ({ request }) => {
        if (!mine(request)) return
        if (options.streamDown) return apiError(500, 'internal', 'Live updates are unavailable')
        return new HttpResponse(live.open(progress), {
          headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' },
        })
      }),

      http.post('*/v1/me/celebrations/:id/seen', ({ request, params }) => {
        if (!mine(request)) return
        seen.push(String(params.id))
        return new HttpResponse(null, { status: 204 })
      }),

      http.get('*/v1/me/digest', async ({ request }) => {
        if (!mine(request)) return
        digestRequests += 1
        if (options.digestStatus === 'loading') await delay('infinite')
        if (options.digestStatus === 'error' && digestRequests === 1) return apiError(500, 'internal', 'The digest is unavailable')
        const period = new URL(request.url).searchParams.get('period') === 'month' ? 'month' : 'week'
        return HttpResponse.json(digest(period))
      }),

      // Share links (DESIGN §7.5): a fixed id per story, on the page's own origin like the API would answer.
      http.post('*/v1/me/shares', ({ request }) => {
        if (!mine(request)) return
        const id = 'StoryShareLink00000000'
        return HttpResponse.json({ id, url: `${new URL(request.url).origin}/s/${id}` }, { status: 201 })
      }),

      http.delete('*/v1/me/shares/:id', ({ request }) => {
        if (!mine(request)) return
        return new HttpResponse(null, { status: 204 })
      }),

      http.post('*/v1/me/events', async ({ request }) => {
        if (!mine(request)) return
        const body = (await request.json()) as { events?: unknown[] }
        return HttpResponse.json({ accepted: body.events?.length ?? 0, duplicates: 0, rejected: [] })
      }),
    ]
  }
  return Object.assign(handlers, { seen })
}
