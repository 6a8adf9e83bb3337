// One embedded database, one process: the lock follows the real path, and taking over a stale lock is atomic.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lockDataDir } from '../../../src/server/storage/data-dir-lock'

const CHILD = join(import.meta.dirname, 'fixtures', 'lock-child.ts')

/** The pid of a process that has already exited. */
function deadPid(): string {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout
}

/** Starts a child that tries the lock; resolves with its first line (LOCKED or REFUSED …) and the child. */
function contender(dataDir: string): Promise<{ line: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('\n')) resolve({ line: out.split('\n')[0]!, child })
    })
    child.once('error', reject)
  })
}

describe('embedded data directory lock', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cairn-lock-'))
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('treats /d, /d/, a relative spelling and a symlink to /d as the same directory', () => {
    const dataDir = join(root, 'd')
    mkdirSync(dataDir)
    symlinkSync(dataDir, join(root, 'alias'))
    const release = lockDataDir(dataDir)
    for (const spelling of [`${dataDir}/`, `${dataDir}/./`, join(root, 'alias'), join(root, 'alias') + '/']) {
      expect(() => lockDataDir(spelling), spelling).toThrow(/already open in process \d+/)
    }
    release()
    lockDataDir(join(root, 'alias'))()
  })

  it('never removes a lock that is no longer its own when released', () => {
    const dataDir = join(root, 'd')
    const release = lockDataDir(dataDir)
    writeFileSync(`${dataDir}.lock`, `${process.pid} someone-else`)
    release()
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(`${process.pid} someone-else`)
  })

  it('lets exactly one of several processes take over a stale lock at the same moment', async () => {
    const dataDir = join(root, 'd')
    mkdirSync(dataDir)
    writeFileSync(`${dataDir}.lock`, `${deadPid()} left-by-kill-9`)
    const contenders = await Promise.all(Array.from({ length: 6 }, () => contender(dataDir)))
    try {
      const lines = contenders.map((c) => c.line)
      expect(lines.filter((l) => l === 'LOCKED')).toHaveLength(1)
      expect(lines.filter((l) => l.startsWith('REFUSED') && /already open in process \d+/.test(l))).toHaveLength(5)
      const winner = contenders.find((c) => c.line === 'LOCKED')!.child
      expect(readFileSync(`${dataDir}.lock`, 'utf8')).toMatch(new RegExp(`^${winner.pid} `))
    } finally {
      await Promise.all(contenders.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.stdin!.end())))))
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false)
  })
})
