import type { MeProgress } from '../../core'

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
 * read for all their users, which also notices a version another process activated — and each user's progress is localised once per locale, the same
 * object going to every listener in that locale (a stream serialises it once). A change arriving during a round
 * is read in the next, so nobody hears an older snapshot after a newer one.
 */
export function createLiveUpdates(deps: {
  read(userIds: readonly string[]): Promise<Map<string, MeProgress>>
  inLocale(progress: MeProgress, locale: string | undefined): MeProgress
}): LiveUpdates {
  const listeners = new Map<string, Set<{ listener: Listener; locale: string | undefined }>>()
  const due = new Set<string>()
  let running: Promise<void> | undefined
  let closed = false

  const round = async (userIds: readonly string[]) => {
    const progress = await deps.read(userIds)
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

  const start = () => {
    if (running || closed || due.size === 0) return
    running = (async () => {
      // Let the rest of a burst arrive (a batch publishes its users one after another).
      await new Promise((resolve) => setImmediate(resolve))
      while (due.size > 0 && !closed) {
        const batch = [...due].slice(0, MAX_USERS_PER_ROUND)
        for (const userId of batch) due.delete(userId)
        const users = batch.filter((userId) => listeners.has(userId))
        // Storage down: these users hear of their next change instead.
        if (users.length > 0) await round(users).catch(() => {})
      }
    })().finally(() => {
      running = undefined
      start() // a change that arrived as the last round ended
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
      start()
    },
    changedAll() {
      for (const userId of listeners.keys()) due.add(userId)
      start()
    },
    async idle() {
      while (running) await running
    },
    close() {
      closed = true
      listeners.clear()
      due.clear()
    },
  }
}
