import { readProgressInputs, type ProgressInputs, type ProgressReadOptions, type ProgressReads, type Storage } from '../storage'
import { LruCache } from './lru-cache'

/** Users whose read inputs are kept on the embedded database; a snapshot is a few kilobytes. */
export const DEFAULT_READ_CACHE_SIZE = 5_000

/** `readProgressInputs` of one program, answered from memory where it may be. */
export type ProgressInputsReader = (userIds: readonly string[], options?: ProgressReadOptions) => Promise<ProgressReads>

/**
 * On the embedded database (one writing process, `storage.writeCount`), what a progress read read — subject,
 * snapshot, carried achievements, celebrations, assignments, the active version — is kept until the next statement
 * that may write, whoever runs it (the service, the seed, a scheduler); events are never kept (warm evaluators hold
 * them), so a user whose evaluator is not at the stored version is read again. On Postgres every read goes to the
 * database: other processes write too.
 */
export function createProgressInputsReader(storage: Storage, programId: string, size = DEFAULT_READ_CACHE_SIZE): ProgressInputsReader {
  const writeCount = storage.writeCount
  if (writeCount === undefined || size <= 0) return (userIds, options) => readProgressInputs(storage, programId, userIds, options)
  let kept = new LruCache<string, Omit<ProgressInputs, 'events'>>(size)
  let keptAt = -1
  let active: { version: string | undefined } | undefined

  return async (userIds, options = {}) => {
    const at = writeCount()
    if (at !== keptAt) {
      kept = new LruCache(size)
      active = undefined
      keptAt = at
    }
    const users = new Map<string, ProgressInputs>()
    const missing: string[] = []
    for (const userId of userIds) {
      const hit = kept.get(userId)
      // A warm evaluator at the stored version needs no events; any other needs them, so it is read.
      if (hit && options.warm?.get(userId) === (hit.stored?.version ?? 0)) users.set(userId, { ...hit, events: undefined })
      else missing.push(userId)
    }
    if (missing.length === 0 && active) return { activeVersion: active.version, users }
    // Everything is read whatever was asked for, so a kept entry serves every later caller.
    const read = await readProgressInputs(storage, programId, missing, { ...options, celebrations: true, assignments: true })
    // Nothing written since the check above (nor while reading): what was read is what is stored.
    if (writeCount() === at) {
      active = { version: read.activeVersion }
      for (const [userId, { events: _events, ...inputs }] of read.users) kept.set(userId, inputs)
    }
    for (const [userId, inputs] of read.users) users.set(userId, inputs)
    return { activeVersion: read.activeVersion, users }
  }
}
