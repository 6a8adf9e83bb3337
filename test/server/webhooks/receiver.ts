// A real HTTP receiver for webhook tests: records every request, answers with the status the test scripts.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  /** Path and query, to tell several webhooks on one receiver apart. */
  path: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

export interface Receiver {
  url: string
  port: number
  received: Received[]
  /** Statuses to answer, in order; 200 once they run out. */
  script: number[]
  close(): Promise<void>
}

/** Listens on `port` (0: any free port) on loopback. */
export async function startReceiver(port = 0): Promise<Receiver> {
  const received: Received[] = []
  const script: number[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body })
      res.statusCode = script.shift() ?? 200
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actual = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${actual}/hooks`,
    port: actual,
    received,
    script,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
