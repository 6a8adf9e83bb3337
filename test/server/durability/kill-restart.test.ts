import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { demoProgram } from '../../../src/core'
import { createService } from '../../../src/server/service'
import { openStorage } from '../../../src/server/storage'

const repoRoot = resolve(import.meta.dirname, '../../..')
const childScript = resolve(import.meta.dirname, 'fixtures/ingest-then-hang.ts')

/** Starts the child, SIGKILLs it the moment it acknowledges, and resolves with the acknowledgement once it is dead. */
function ingestThenKill(dataDir: string): Promise<{ accepted: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript], {
      cwd: repoRoot,
      env: { ...process.env, CHILD_DATA_DIR: dataDir },
    })
    let out = ''
    let err = ''
    let ack: { accepted: number } | undefined
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const line = /^ACK (.*)$/m.exec(out)
      if (line && !ack) {
        ack = JSON.parse(line[1]!) as { accepted: number }
        child.kill('SIGKILL')
      }
    })
    child.on('error', fail)
    child.on('exit', (_code, signal) => {
      if (ack && signal === 'SIGKILL') done(ack)
      else fail(new Error(`child ended before acknowledging (signal ${signal}): ${err}`))
    })
  })
}

describe('durability of embedded PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-durability-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('keeps an acknowledged batch after the process is killed right after the acknowledgement', { timeout: 120_000 }, async () => {
    const ack = await ingestThenKill(dataDir)
    expect(ack.accepted).toBe(50)

    const storage = await openStorage({ dataDir })
    const service = await createService({ program: demoProgram, storage })
    try {
      const [row] = await storage.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE program_id = $1 AND id LIKE 'acked-%'", [demoProgram.id])
      expect(row?.n).toBe(50)
      const progress = await service.progress('user-0', new Date())
      // user-0 added 5 tasks in the acknowledged batch; later, unacknowledged batches may have landed too.
      expect(progress.milestones['five-tasks']?.current).toBeGreaterThanOrEqual(5)
    } finally {
      await service.close()
    }
  })
})
