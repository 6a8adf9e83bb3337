import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { demoProgram } from '../../../src/core'
import { createService } from '../../../src/server/service'
import { openStorage } from '../../../src/server/storage'
import type { WebhookEvent } from '../../../src/server/webhooks'
import { startReceiver } from './receiver'

const repoRoot = resolve(import.meta.dirname, '../../..')
const childScript = resolve(import.meta.dirname, 'fixtures/enqueue-then-hang.ts')

/** Starts the child, SIGKILLs it the moment it acknowledges, and resolves with the acknowledgement once it is dead. */
function enqueueThenKill(dataDir: string, url: string): Promise<{ accepted: number; users: string[] }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript], { cwd: repoRoot, env: { ...process.env, CHILD_DATA_DIR: dataDir, CHILD_WEBHOOK_URL: url } })
    let out = ''
    let err = ''
    let ack: { accepted: number; users: string[] } | undefined
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const line = /^ACK (.*)$/m.exec(out)
      if (line && !ack) {
        ack = JSON.parse(line[1]!) as { accepted: number; users: string[] }
        child.kill('SIGKILL')
      }
    })
    child.on('error', fail)
    child.on('exit', (_code, signal) => (ack && signal === 'SIGKILL' ? done(ack) : fail(new Error(`child ended before acknowledging (signal ${signal}): ${err}`))))
  })
}

describe('webhook outbox across kill -9 (embedded PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-webhook-kill-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('delivers every pending delivery after a restart, each once, none lost', { timeout: 120_000 }, async () => {
    const receiver = await startReceiver()
    const ack = await enqueueThenKill(dataDir, receiver.url)
    expect(ack.accepted).toBe(20)

    const storage = await openStorage({ dataDir })
    const service = await createService({ program: demoProgram, storage, webhooks: { allowPrivate: true, backoffMs: 20 } })
    try {
      const [{ n } = { n: 0 }] = await storage.query<{ n: number }>("SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'pending'")
      expect(n).toBeGreaterThanOrEqual(20)
      // Everything the dead process committed arrives: the acknowledged users and any later batch that made it to disk.
      await vi.waitFor(() => expect(receiver.received.length).toBeGreaterThanOrEqual(n), { timeout: 60_000 })
      const users = receiver.received.map((r) => (JSON.parse(r.body) as WebhookEvent).data.userId)
      for (const userId of ack.users) expect(users).toContain(userId)
      expect(new Set(receiver.received.map((r) => r.headers['cairn-event-id'])).size).toBe(receiver.received.length)
    } finally {
      await service.close()
      await receiver.close()
    }
  })
})
