import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lockDataDir } from '../../../src/server/storage/data-dir-lock'

describe('embedded data directory lock', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cairn-lock-'))
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('refuses a second opener while the first still holds the directory, with a clear message', () => {
    const dataDir = join(root, 'data')
    const release = lockDataDir(dataDir)
    expect(() => lockDataDir(dataDir)).toThrow(/already open in process \d+.*DATABASE_URL/)
    release()
    lockDataDir(dataDir)()
  })

  it('takes over a lock left by a process that no longer runs (a restart after kill -9)', () => {
    const dataDir = join(root, 'data')
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    writeFileSync(`${dataDir}.lock`, gone.stdout)
    const release = lockDataDir(dataDir)
    release()
    expect(existsSync(`${dataDir}.lock`)).toBe(false)
  })
})
