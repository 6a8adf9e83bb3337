// An oversized body over a real socket: the client must read the 413, not a reset connection.
import { request } from 'node:http'
import type { CairnServer, RunningServer } from '../../../src/server'
import { API_KEY, startServer } from './harness'

let server: CairnServer
let running: RunningServer
beforeAll(async () => {
  server = await startServer()
  running = await server.listen(0, '127.0.0.1')
})
afterAll(() => server.close())

interface Answer {
  status: number
  connection: string | undefined
  body: string
}

/** Sends `chunks` × 64 KB to `/v1/events`, a chunk per tick (a client uploading, not one write), and reads the answer. */
function upload(chunks: number, { declareLength }: { declareLength: boolean }): Promise<Answer> {
  const chunk = Buffer.alloc(64 * 1024, 'x')
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' }
    if (declareLength) headers['content-length'] = chunks * chunk.length
    const req = request(`${running.url}/v1/events`, { method: 'POST', headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (data: string) => (body += data))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }))
      res.on('error', reject)
    })
    req.on('error', reject)
    let sent = 0
    const next = () => {
      if (sent === chunks) return void req.end()
      sent++
      if (req.write(chunk)) setImmediate(next)
      else req.once('drain', next)
    }
    next()
  })
}

describe('an oversized request body', () => {
  it.each([
    ['with a Content-Length', true],
    ['sent chunked', false],
  ])('gets a readable 413 that closes the connection (%s)', async (_, declareLength) => {
    const answer = await upload(48, { declareLength }) // 3 MB against the 1 MB events limit
    expect(answer.status).toBe(413)
    expect(answer.connection).toBe('close')
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'payload_too_large' } })
  })
})
