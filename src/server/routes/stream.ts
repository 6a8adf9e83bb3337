import { streamSSE, type SSEStreamingApi } from 'hono/streaming'
import type { MeProgress } from '../../core'
import { requestLocale } from '../http/accept-language'
import { ApiError } from '../http/errors'
import type { RouteDeps } from './route-deps'

/** A few tabs and devices per user are normal; beyond this a client is leaking connections. */
export const MAX_STREAMS_PER_USER = 10
/** How long EventSource waits before reconnecting after the stream drops. */
const RECONNECT_MS = 3000

/**
 * `GET /v1/me/stream`: Server-Sent Events. Sends `event: progress` with the snapshot on connect and again
 * whenever the service reports a change for this user; a comment line every `heartbeatMs` keeps proxies
 * from closing an idle connection. Ends cleanly when the client leaves or the server shuts down.
 */
export function registerStreamRoute({ app, service, now, guards, streams, heartbeatMs, log }: RouteDeps): void {
  app.get('/v1/me/stream', guards.stream, async (c) => {
    const claims = c.get('user')
    const { userId } = claims
    const locale = requestLocale(c, service)
    if (streams.countFor(userId) >= MAX_STREAMS_PER_USER) {
      throw new ApiError(429, 'too_many_streams', `At most ${MAX_STREAMS_PER_USER} live streams per user.`, undefined, {
        'Retry-After': String(RECONNECT_MS / 1000),
      })
    }
    // Changes that land while the first snapshot is being read (or before the stream is open) trigger a fresh
    // re-read, so nothing is missed and an older snapshot never follows a newer one.
    let sendProgress: ((progress: MeProgress) => void) | undefined
    let changedMeanwhile = false
    const unsubscribe = service.subscribe(
      userId,
      (progress) => {
        if (sendProgress) sendProgress(progress)
        else changedMeanwhile = true
      },
      locale,
    )
    // The snapshot is `GET /v1/me/progress`'s answer: the subject ensured from the claims in the same read, the text
    // kept between reads. Read before the stream starts, so an outage is still answered 503 with Retry-After.
    const snapshot = () => service.progressTextForToken(claims, now(), locale)
    let first: string
    try {
      first = await snapshot()
    } catch (error) {
      unsubscribe()
      throw error
    }
    c.header('X-Accel-Buffering', 'no') // nginx would otherwise buffer the stream
    return streamSSE(c, async (stream) => {
      const ended = deferred()
      const unregister = streams.add(userId, ended.resolve)
      stream.onAbort(ended.resolve)
      const writer = serialWriter(stream, ended.resolve)
      const send = (json: string) => writer.write(() => stream.writeSSE({ event: 'progress', data: json }))
      const heartbeat = setInterval(() => writer.write(() => stream.write(': heartbeat\n\n')), heartbeatMs)
      try {
        await stream.write(`retry: ${RECONNECT_MS}\n\n`)
        while (changedMeanwhile) {
          changedMeanwhile = false
          first = await snapshot()
        }
        send(first)
        sendProgress = (progress) => send(serialized(progress))
        await ended.promise
      } catch (error) {
        log(error, { method: 'GET', path: '/v1/me/stream' })
      } finally {
        clearInterval(heartbeat)
        unsubscribe()
        unregister()
      }
    })
  })
}

/** A live change reaches every stream of a user (in one locale) as the same object: its JSON is built once. */
const serializedOnce = new WeakMap<MeProgress, string>()
function serialized(progress: MeProgress): string {
  let json = serializedOnce.get(progress)
  if (json === undefined) serializedOnce.set(progress, (json = JSON.stringify(progress)))
  return json
}

/** Serialises writes to one stream; a failed write ends the stream. */
function serialWriter(stream: SSEStreamingApi, onFailure: () => void) {
  let chain = Promise.resolve()
  return {
    write(send: () => Promise<unknown>): void {
      chain = chain
        .then(() => (stream.aborted || stream.closed ? undefined : send()))
        .then(
          () => undefined,
          () => onFailure(),
        )
    },
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}
