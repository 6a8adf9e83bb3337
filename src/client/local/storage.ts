import * as z from 'zod/mini'
import { EventSchema } from '../../core'
import { CairnError } from '../source'

/** The part of the Web Storage API we use, so `localStorage`, `sessionStorage` or a custom store all fit. */
export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** Bumped when the persisted shape changes; it is part of the key, so old data is simply not read. */
export const STORAGE_VERSION = 1

/** A storage that lives as long as the page: the fallback where `localStorage` is missing or blocked. */
export function memoryStorage(): StorageLike {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  }
}

/**
 * `window.localStorage` when it is usable, else memory. Merely touching `localStorage` throws in sandboxed
 * iframes and with cookies blocked, and it does not exist during SSR, hence the probe inside try.
 */
export function defaultStorage(): StorageLike {
  try {
    const storage = (globalThis as { localStorage?: StorageLike }).localStorage
    if (storage) {
      storage.getItem('cairn:probe')
      return storage
    }
  } catch {
    // fall through to memory
  }
  return memoryStorage()
}

const PersistedSchema = z.object({
  version: z.literal(STORAGE_VERSION),
  /** First use, standing in for a signup date when the host gives none. */
  signedUpAt: z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 timestamp')),
  events: z.array(EventSchema),
  /** Acknowledged celebration ids. */
  seen: z.array(z.string()),
})
export type PersistedState = z.infer<typeof PersistedSchema>

/** What storage holds under `key`: null when empty; a `problem` (and null) when the data is unreadable. */
export function readPersisted(storage: StorageLike, key: string): { state: PersistedState | null; problem?: CairnError } {
  let raw: string | null
  try {
    raw = storage.getItem(key)
  } catch (cause) {
    return { state: null, problem: new CairnError('invalid_response', 'Could not read saved progress', undefined, cause) }
  }
  if (raw === null) return { state: null }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { state: null, problem: new CairnError('invalid_response', 'Saved progress was not valid JSON; starting fresh') }
  }
  const parsed = PersistedSchema.safeParse(json)
  if (!parsed.success) return { state: null, problem: new CairnError('invalid_response', 'Saved progress had an unexpected shape; starting fresh') }
  return { state: parsed.data }
}

/** Saves the state; a full or blocked storage is returned as a problem, never thrown (progress stays in memory). */
export function writePersisted(storage: StorageLike, key: string, state: Omit<PersistedState, 'version'>): CairnError | undefined {
  try {
    storage.setItem(key, JSON.stringify({ version: STORAGE_VERSION, ...state } satisfies PersistedState))
    return undefined
  } catch (cause) {
    return new CairnError('invalid_input', 'Could not save progress (storage full or blocked)', undefined, cause)
  }
}
