import type { EventSourceLike } from '../../src/client'

type Listener = (event: { data?: unknown }) => void

/** A minimal stand-in for the browser's EventSource: tests open, feed and break the stream by hand. */
export function fakeEventSourceClass() {
  const instances: FakeEventSource[] = []

  class FakeEventSource implements EventSourceLike {
    private readonly listeners = new Map<string, Listener[]>()
    closed = false

    constructor(readonly url: string) {
      instances.push(this)
    }

    addEventListener(type: string, listener: Listener) {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
    }

    close() {
      this.closed = true
    }

    /** The server accepted the stream. */
    open() {
      this.emit('open')
    }

    /** An `event: progress` frame. */
    send(data: unknown) {
      this.emit('progress', typeof data === 'string' ? data : JSON.stringify(data))
    }

    /** The connection broke (or the server answered with an error status). */
    fail() {
      this.emit('error')
    }

    /** The single-use stream ticket the URL carries. */
    get ticket() {
      return new URL(this.url).searchParams.get('ticket')
    }

    private emit(type: string, data?: string) {
      for (const listener of this.listeners.get(type) ?? []) listener({ data })
    }
  }

  return { FakeEventSource, instances, latest: () => instances.at(-1)! }
}
