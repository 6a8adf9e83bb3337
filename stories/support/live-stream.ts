// A controllable `GET /v1/me/stream`: the story (or its play function) pushes a new snapshot and every
// open EventSource receives it as `event: progress`, like the real API after an event lands.
import type { MeProgress } from '../../src/core'

const encoder = new TextEncoder()

/** One server-sent event in wire format. */
export function progressEvent(progress: MeProgress): Uint8Array {
  return encoder.encode(`event: progress\ndata: ${JSON.stringify(progress)}\n\n`)
}

export interface LiveStream {
  /** Opens a stream that starts with `initial` and stays open (closing it would make the client reconnect). */
  open(initial: MeProgress): ReadableStream<Uint8Array>
  /** Sends `progress` to every open stream. */
  push(progress: MeProgress): void
  /** Streams currently open. */
  readonly connections: number
}

/** Creates a stream hub; keep one per story file and push from a button or a play function. */
export function createLiveStream(): LiveStream {
  const open = new Set<ReadableStreamDefaultController<Uint8Array>>()
  return {
    open(initial) {
      let self: ReadableStreamDefaultController<Uint8Array> | null = null
      return new ReadableStream<Uint8Array>({
        start(controller) {
          self = controller
          open.add(controller)
          controller.enqueue(progressEvent(initial))
        },
        cancel() {
          if (self) open.delete(self)
        },
      })
    },
    push(progress) {
      for (const controller of open) {
        try {
          controller.enqueue(progressEvent(progress))
        } catch {
          open.delete(controller) // the page closed this stream
        }
      }
    },
    get connections() {
      return open.size
    },
  }
}
