import {
  buildDigest,
  digestPeriodStart,
  celebrationsBetween,
  createIncrementalEvaluator,
  type CairnEvent,
  type IncrementalEvaluator,
  type MeProgress,
  type Program,
  type Progress,
  type Subject,
} from '../../core'
import { abortedError } from '../abort'
import { ListenerSet } from '../listeners'
import type { Source } from '../source'
import { eventFromInput } from '../track-input'
import { STORAGE_VERSION, defaultStorage, readPersisted, writePersisted, type StorageLike } from './storage'

/** The user a local source speaks for when the host names none (a demo, a story, a single-user tool). */
export const DEFAULT_LOCAL_USER_ID = 'local-user'

export interface LocalSourceOptions {
  /** The parsed program (see `parseProgram`). */
  program: Program
  /** Who is progressing. `signedUpAt` defaults to the first use, remembered in storage. @default { userId: 'local-user' } */
  subject?: Omit<Subject, 'signedUpAt'> & { signedUpAt?: string }
  /** Where events and acknowledged celebrations persist. @default window.localStorage when usable, else memory */
  storage?: StorageLike
  /** @default `cairn:v1:<program id>:<user id>` */
  storageKey?: string
  /** The clock (stories and tests pin it). @default () => new Date() */
  now?: () => Date
  /** Storage trouble: unreadable data (we start fresh) or a full storage (progress stays in memory). */
  onError?: (error: Error) => void
}

/** A `Source` that runs the core engine in the browser, for teams without a backend and for stories. */
export interface LocalSource extends Source {
  /** Forgets every event and acknowledgement of this subject and starts over. */
  reset(): void
  dispose(): void
}

interface Session {
  subject: Subject
  events: CairnEvent[]
  seen: Set<string>
  evaluator: IncrementalEvaluator
}

/** Creates a local source; nothing touches storage until the first call, so it is safe during SSR. */
export function localSource(options: LocalSourceOptions): LocalSource {
  const { program } = options
  const now = options.now ?? (() => new Date())
  const userId = options.subject?.userId ?? DEFAULT_LOCAL_USER_ID
  const key = options.storageKey ?? `cairn:v${STORAGE_VERSION}:${program.id}:${userId}`
  const listeners = new ListenerSet()
  let storage: StorageLike | undefined = options.storage
  let session: Session | null = null

  const report = (error: Error) => options.onError?.(error)
  const store = () => (storage ??= defaultStorage())

  const save = (current: Session) => {
    const problem = writePersisted(store(), key, {
      signedUpAt: current.subject.signedUpAt,
      events: current.events,
      seen: [...current.seen],
    })
    if (problem) report(problem)
  }

  const open = (): Session => {
    if (session) return session
    const { state, problem } = readPersisted(store(), key)
    if (problem) report(problem)
    const subject: Subject = {
      ...options.subject,
      userId,
      signedUpAt: options.subject?.signedUpAt ?? state?.signedUpAt ?? now().toISOString(),
    }
    const events = state?.events ?? []
    session = { subject, events, seen: new Set(state?.seen), evaluator: createIncrementalEvaluator(program, subject, events) }
    if (!state) save(session) // remembers the first use as the signup date
    return session
  }

  // Pending = everything achieved and not yet acknowledged; ids are deterministic, so this is stable.
  const withCelebrations = (current: Session, progress: Progress): MeProgress => ({
    ...progress,
    celebrations: celebrationsBetween(program, null, progress).filter((c) => !current.seen.has(c.id)),
  })
  const snapshot = (current: Session) => withCelebrations(current, current.evaluator.progress(now()))

  return {
    benchmarks: false, // the engine in the browser knows no peers

    async load(signal) {
      if (signal?.aborted) throw abortedError()
      return { program, progress: snapshot(open()) }
    },

    subscribe(listener) {
      return listeners.add(listener)
    },

    async track(input) {
      const current = open()
      const at = now()
      const event: CairnEvent = { ...eventFromInput(input, { accountId: current.subject.accountId }, at), userId: current.subject.userId }
      const result = current.evaluator.apply(event, at)
      if (!result.applied) return // same idempotency key: already counted
      current.events.push(event)
      save(current)
      listeners.progress(withCelebrations(current, result.progress))
    },

    async ackCelebration(id) {
      const current = open()
      if (current.seen.has(id)) return
      current.seen.add(id)
      save(current)
      listeners.progress(snapshot(current))
    },

    async digest(period, signal) {
      if (signal?.aborted) throw abortedError()
      const at = now()
      const { evaluator } = open()
      const startProgress = evaluator.progress(digestPeriodStart(period, at))
      return buildDigest({ program, progress: evaluator.progress(at), startProgress, period, now: at })
    },

    reset() {
      try {
        store().removeItem(key)
      } catch (cause) {
        report(cause instanceof Error ? cause : new Error(String(cause)))
      }
      session = null
      if (listeners.size > 0) listeners.progress(snapshot(open()))
    },

    dispose() {
      listeners.clear()
    },
  }
}
