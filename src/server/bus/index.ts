// Bus room: who changed, fanned out in-process (PGlite) or across processes via LISTEN/NOTIFY (Postgres).
import { clientConfig, type Storage } from '../storage'
import { createMemoryBus } from './memory-bus'
import { createPostgresBus } from './postgres-bus'
import type { ProgressBus } from './types'

export { createMemoryBus } from './memory-bus'
export { createPostgresBus, type PostgresBusOptions } from './postgres-bus'
export { PROGRESS_CHANNEL, type ProgressBus, type ProgressChange } from './types'

/** The bus that fits the storage: LISTEN/NOTIFY on Postgres, an in-process emitter on PGlite. */
export function createBusFor(storage: Storage): ProgressBus {
  return storage.connection ? createPostgresBus({ client: clientConfig(storage.connection), notifier: storage }) : createMemoryBus()
}
