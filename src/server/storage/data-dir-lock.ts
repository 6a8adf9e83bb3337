import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs'

/**
 * One process per embedded data directory: two PGlite instances writing the same files corrupt them. The lock
 * is a file beside the directory holding the owner's pid; a lock left by a process that no longer runs (killed,
 * crashed) is taken over, so a restart after `kill -9` just works.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = `${dataDir}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      let released = false
      return () => {
        if (released) return
        released = true
        try {
          unlinkSync(path)
        } catch {
          // already gone: nothing to release
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10)
      if (isRunning(owner)) {
        throw new Error(
          `The embedded database at ${dataDir} is already open in process ${owner}. Stop that process, or use DATABASE_URL (Postgres) to run several.`,
          { cause: error },
        )
      }
      unlinkSync(path)
    }
  }
  throw new Error(`Could not lock the embedded database at ${dataDir}`)
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
