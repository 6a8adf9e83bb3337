import type { MeProgress } from '../../core'
import { yieldToLoop } from './time-slice'

/** Users read together per live update round: bounds one round's queries and the time until the next round. */
const MAX_USERS_PER_ROUND = 500

type Listener = (progress: MeProgress) => void

/** Who listens to whose progress, and the rounds that bring them changes. */
export interface LiveUpdates {
  /** Registers a listener in the reader's locale; returns the function that removes it. */
  subscribe(userId: string, listener: Listener, locale: string | undefined): () => void
  /** These users' progress changed: their listeners hear the fresh progress in the next round. */
  changed(userIds: Iterable<string>): void
  /** Every listener hears fresh progress (after missed changes). */
  changedAll(): void
  /** Resolves when no round is running or due. */
  idle(): Promise<void>
  /** Drops every listener; no round starts after this. */
  close(): void
}

/**
 * Live pushes in rounds: changes arriving together (one ingest batch, one bus burst) are read together — one
 * read for all their users, which also notices a version another process activated — and each user's progress is
 * localised once per locale, the same object going to every listener in that locale (a stream serialises it once).
 *
 * Rounds for different users run side by side; a user is in at most one round at a time, and a change arriving
 * during their round is read in their next, so nobody hears an older snapshot after a newer one. Users with writes
 * still queued (`busy`) are read in a round of their own: a read waits for those writes, and users whose progress is
 * already stored must not wait with them (under a steady ingest that wait was most of a push's delay).
 */
export function createLiveUpdates(deps: {
  read(userIds: readonly string[]): Promise<Map<string, MeProgress>>
  inLocale(progress: MeProgress, locale: string | undefined): MeProgress
  /** Whether a read of this user would wait for writes queued for them. @default never */
  busy?(userId: string): boolean
}): LiveUpdates {
  const listeners = new Map<string, Set<{ listener: Listener; locale: string | undefined }>>()
  const due = new Set<string>()
  const reading = new Set<string>()
  let scheduled = false
  let closed = false

  const deliver = (userIds: readonly string[], progress: Map<string, MeProgress>) => {
    for (const userId of userIds) {
      const set = listeners.get(userId)
      const fresh = progress.get(userId)
      if (!set || !fresh) continue
      const localized = new Map<string | undefined, MeProgress>()
      for (const { listener, locale } of [...set]) {
        let message = localized.get(locale)
        if (!message) localized.set(locale, (message = deps.inLocale(fresh, locale)))
        try {
          listener(message)
        } catch {
          // One broken stream must not keep the others from their update.
        }
      }
    }
  }

  /** The round in flight of each kind: users without queued writes, and users whose read waits for theirs. */
  const inFlight: { ready?: Promise<void>; waiting?: Promise<void> } = {}

  const round = (kind: 'ready' | 'waiting', userIds: readonly string[]) => {
    for (const userId of userIds) {
      due.delete(userId)
      reading.add(userId)
    }
    inFlight[kind] = deps
      .read(userIds)
      .then((progress) => deliver(userIds, progress))
      .catch(() => {}) // storage down: these users hear of their next change instead
      .finally(() => {
        for (const userId of userIds) reading.delete(userId)
        inFlight[kind] = undefined
        startRounds() // the next users of this kind, and changes that arrived for these users during their round
      })
  }

  /** Starts a round of each kind that is not running, for due users not already in one (at most a round's size). */
  const startRounds = () => {
    if (closed) return
    const groups = { ready: [] as string[], waiting: [] as string[] }
    for (const userId of due) {
      if (reading.has(userId)) continue
      if (!listeners.has(userId)) {
        due.delete(userId)
        continue
      }
      const group = groups[deps.busy?.(userId) ? 'waiting' : 'ready']
      if (group.length < MAX_USERS_PER_ROUND) group.push(userId)
    }
    for (const kind of ['ready', 'waiting'] as const) if (!inFlight[kind] && groups[kind].length > 0) round(kind, groups[kind])
  }

  const schedule = () => {
    if (scheduled || closed || due.size === 0) return
    scheduled = true
    // Let the rest of a burst arrive (a batch publishes its users one after another).
    setImmediate(() => {
      scheduled = false
      startRounds()
    })
  }

  return {
    subscribe(userId, listener, locale) {
      let set = listeners.get(userId)
      if (!set) listeners.set(userId, (set = new Set()))
      const entry = { listener, locale }
      set.add(entry)
      return () => {
        set.delete(entry)
        if (set.size === 0 && listeners.get(userId) === set) listeners.delete(userId)
      }
    },
    changed(userIds) {
      for (const userId of userIds) if (listeners.has(userId)) due.add(userId)
      schedule()
    },
    changedAll() {
      for (const userId of listeners.keys()) due.add(userId)
      schedule()
    },
    async idle() {
      for (;;) {
        const running = [inFlight.ready, inFlight.waiting].filter((r) => r !== undefined)
        if (running.length > 0) await Promise.all(running)
        else if (scheduled) await yieldToLoop()
        else return
      }
    },
    close() {
      closed = true
      listeners.clear()
      due.clear()
    },
  }
}
