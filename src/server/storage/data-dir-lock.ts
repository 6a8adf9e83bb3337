import { randomUUID } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'

/** A few rounds cover every interleaving of two or three processes starting at once over a stale lock. */
const MAX_ROUNDS = 8

/**
 * One process per embedded data directory: two PGlite instances writing the same files corrupt them.
 *
 * - The lock is keyed by the directory's real path, so `/d`, `/d/`, `./d` and a symlink to `/d` are one lock.
 * - It is a file beside the directory holding `<pid> <nonce>`, created with `link()` — atomic, and refused when
 *   the file exists — so two starters can never both create it.
 * - A lock whose pid no longer runs (killed, crashed) is taken over so a restart after `kill -9` just works. The
 *   takeover renames that exact file away to a name only this process uses and then verifies it holds the stale
 *   content it judged (rename-then-verify); only then is the lock created anew, again with `link()`. A starter
 *   that raced and moved a live lock by mistake sees a different nonce and puts it back.
 *
 * Returns the release function, which removes the lock only while it is still this process's own.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const path = `${realpathSync(dataDir)}.lock`
  const mine = `${process.pid} ${randomUUID()}`
  const candidate = `${path}.${randomUUID()}.new`
  writeFileSync(candidate, mine)
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      try {
        linkSync(candidate, path)
        return releaser(path, mine)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const seen = readIfPresent(path)
      if (seen === undefined) continue // released meanwhile: try again
      const owner = Number.parseInt(seen, 10)
      if (isRunning(owner)) {
        throw new Error(
          `The embedded database at ${dataDir} is already open in process ${owner}. Stop that process, or use DATABASE_URL (Postgres) to run several.`,
        )
      }
      takeOverStale(path, seen)
    }
    throw new Error(`Could not lock the embedded database at ${dataDir}: other processes keep taking the lock.`)
  } finally {
    unlinkQuietly(candidate)
  }
}

/** Moves the stale lock (content `seen`) out of the way; a live lock moved by mistake is put back. */
function takeOverStale(path: string, seen: string): void {
  const claim = `${path}.${randomUUID()}.stale`
  try {
    renameSync(path, claim)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return // someone else removed it first
    throw error
  }
  if (readIfPresent(claim) !== seen) {
    // Between our read and our rename another starter replaced the stale lock with its live one.
    try {
      linkSync(claim, path)
    } catch {
      // A third starter already holds the path; the next round reads and respects it.
    }
  }
  unlinkQuietly(claim)
}

function releaser(path: string, mine: string): () => void {
  let released = false
  return () => {
    if (released) return
    released = true
    if (readIfPresent(path) === mine) unlinkQuietly(path)
  }
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // already gone
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
