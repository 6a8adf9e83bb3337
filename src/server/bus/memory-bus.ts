import { EventEmitter } from 'node:events'
import type { ProgressBus, ProgressChange } from './types'

/** In-process bus: enough for embedded PGlite, where only one process owns the database. */
export function createMemoryBus(): ProgressBus {
  const emitter = new EventEmitter()
  // One SSE stream per open widget subscribes; the default limit of 10 would warn about a normal load.
  emitter.setMaxListeners(0)
  return {
    publish: async (change) => {
      emitter.emit('change', change)
    },
    publishAll: async (changes) => {
      for (const change of changes) emitter.emit('change', change)
    },
    subscribe: (onChange) => {
      const listener = (change: ProgressChange) => onChange(change)
      emitter.on('change', listener)
      return () => emitter.off('change', listener)
    },
    ready: async () => {},
    close: async () => {
      emitter.removeAllListeners()
    },
  }
}
