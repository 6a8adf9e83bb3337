import type { MiddlewareHandler } from 'hono'
import { ApiError } from './errors'

/** Room for a full batch of 1,000 events with a few properties each. */
export const EVENTS_BODY_LIMIT_BYTES = 1024 * 1024
/** Everything else (a subject, a handful of widget events) is small. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024
/**
 * How much of an oversized body is read and thrown away so the client finishes sending and then reads the
 * 413. Closing on unread data makes the kernel reset the connection, which the client sees instead of the
 * answer (and a retrying client re-sends forever). Past this, the connection is simply cut.
 */
export const MAX_DRAIN_BYTES = 16 * 1024 * 1024

/**
 * Rejects bodies above `maxBytes` with 413 `payload_too_large`, holding at most `maxBytes` in memory. The rest
 * of an oversized body is drained (up to `MAX_DRAIN_BYTES`) before answering, and the answer closes the
 * connection (`Connection: close`), so clients get a readable 413 whether or not they declared a length.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body
    if (!body) return next()
    const length = c.req.header('content-length')
    const declared = length !== undefined && c.req.header('transfer-encoding') === undefined ? Number(length) : undefined
    // Node's parser never delivers more than a declared length, so a small declared body needs no counting.
    if (declared !== undefined && declared <= maxBytes) return next()

    const reader = body.getReader()
    const kept: Uint8Array[] = []
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size <= maxBytes) kept.push(value)
      else if (size > maxBytes + MAX_DRAIN_BYTES) {
        await reader.cancel()
        break
      }
    }
    if (size > maxBytes) {
      throw new ApiError(413, 'payload_too_large', `The request body must be at most ${maxBytes} bytes.`, undefined, { Connection: 'close' })
    }
    c.req.raw = new Request(c.req.raw, { body: concat(kept, size) })
    return next()
  }
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    joined.set(chunk, offset)
    offset += chunk.byteLength
  }
  return joined
}
