import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { demoProgram, type MeProgress } from '../../../src/core'
import { createService } from '../../../src/server/service'
import { openStorage } from '../../../src/server/storage'
import type { CairnService } from '../../../src/server/service-types'
import { dropSchema, freshProgram, POSTGRES_URL, uniqueSchema } from './backends'

const repoRoot = resolve(import.meta.dirname, '../../..')
const childScript = resolve(import.meta.dirname, 'fixtures/ingest-child.ts')

/** Runs the child to completion and returns its stdout; rejects with its stderr when it fails. */
function runChild(env: Record<string, string>): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript], { cwd: repoRoot, env: { ...process.env, ...env } })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', fail)
    child.on('exit', (code) => (code === 0 ? done(out) : fail(new Error(`child exited with ${code}: ${err}`))))
  })
}

describe.skipIf(!POSTGRES_URL)('LISTEN/NOTIFY fan-out on Postgres', () => {
  const schema = uniqueSchema()
  let service: CairnService

  beforeAll(async () => {
    const storage = await openStorage({ databaseUrl: POSTGRES_URL, schema })
    service = await createService({ program: freshProgram(), storage })
  })
  afterAll(async () => {
    await service?.close()
    await dropSchema(POSTGRES_URL!, schema)
  })

  it("pushes progress written by another process to this process's subscriber", async () => {
    expect(service.program.milestones).toEqual(demoProgram.milestones)
    const received = new Promise<MeProgress>((done) => {
      const stop = service.subscribe('remote-user', (progress) => {
        if (progress.milestones['first-project']?.state !== 'achieved') return
        stop()
        done(progress)
      })
    })
    const output = await runChild({
      CHILD_DATABASE_URL: POSTGRES_URL!,
      CHILD_SCHEMA: schema,
      CHILD_PROGRAM_ID: service.program.id,
      CHILD_USER_ID: 'remote-user',
    })
    expect(output).toContain('"accepted":1')
    const progress = await received
    expect(progress.celebrations.map((c) => c.id)).toContain('milestone:first-project')
  })
})
