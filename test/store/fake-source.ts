import { vi } from 'vitest'
import type { Source, SourceListener, SourceSnapshot } from '../../src/client'
import { demoProgram, type MeProgress } from '../../src/core'
import { meProgress } from '../client/progress-fixture'

/** A Source whose answers each test scripts: what load returns or throws, and what the live channel says. */
export function scriptedSource(progress: MeProgress = meProgress()) {
  const listeners = new Set<SourceListener>()
  let next: () => Promise<SourceSnapshot> = async () => ({ program: demoProgram, progress })
  const source = {
    load: vi.fn(() => next()),
    subscribe: vi.fn((listener: SourceListener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }),
    track: vi.fn(async () => {}),
    ackCelebration: vi.fn(async (_id: string) => {}),
    digest: vi.fn(async () => {
      throw new Error('not scripted')
    }),
  } satisfies Source
  return {
    source,
    listeners,
    /** The next load resolves with this progress. */
    loads: (p: MeProgress) => (next = async () => ({ program: demoProgram, progress: p })),
    /** The next load rejects with this error. */
    fails: (error: Error) =>
      (next = async () => {
        throw error
      }),
    push: (p: MeProgress) => listeners.forEach((l) => l.progress(p)),
    trouble: (error: Error) => listeners.forEach((l) => l.error(error)),
  }
}
