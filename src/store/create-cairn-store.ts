import { createStore } from 'zustand/vanilla'
import type { MeProgress } from '../core'
import { selectPendingCelebrations } from './selectors'
import { replaceEqualDeep } from './structural-sharing'
import type { CairnActions, CairnState, CairnStore, CreateCairnStoreOptions } from './types'

/**
 * The store behind one `<CairnProvider>`: a zustand vanilla store fed by a `Source`. It never throws at the
 * host: failures land in `error` (beside the last good data) and in `onError`.
 */
export function createCairnStore({ source, onError }: CreateCairnStoreOptions): CairnStore {
  return createStore<CairnState & CairnActions>()((set, get) => {
    const report = (error: unknown): Error => {
      const reported = error instanceof Error ? error : new Error(String(error))
      try {
        onError?.(reported)
      } catch {
        // The host's error handler failing must not take the widget down with it.
      }
      return reported
    }

    /** Next progress, reusing every unchanged part of the current one; an older snapshot arriving late loses. */
    const shareProgress = (current: MeProgress | null, incoming: MeProgress): MeProgress => {
      if (current && Date.parse(incoming.evaluatedAt) < Date.parse(current.evaluatedAt)) return current
      return replaceEqualDeep(current, incoming)
    }

    let currentLoad: AbortController | null = null

    const acceptLiveProgress = (incoming: MeProgress) => {
      const { program } = get()
      set((state) => ({ progress: shareProgress(state.progress, incoming), error: null, status: state.program ? 'ready' : state.status }))
      // The program was republished: fetch its new definition (the ETag makes an unchanged one cheap).
      if (program && incoming.programVersion !== program.version) void get().load()
    }

    return {
      status: 'loading',
      program: null,
      progress: null,
      error: null,
      seenCelebrations: {},

      async load() {
        currentLoad?.abort() // a newer load supersedes an older one still in flight
        const controller = new AbortController()
        currentLoad = controller
        try {
          const snapshot = await source.load(controller.signal)
          if (currentLoad !== controller) return
          snapshot.warnings?.forEach(report) // e.g. an unsafe link left out: the host hears of it, the widget shows the rest
          set((state) => ({
            program: replaceEqualDeep(state.program, snapshot.program),
            progress: shareProgress(state.progress, snapshot.progress),
            status: 'ready',
            error: null,
          }))
        } catch (error) {
          if (currentLoad !== controller) return
          const reported = report(error)
          // Last good state stays on screen; 'error' only when there has never been any.
          set((state) => ({ error: reported, status: state.progress && state.program ? 'ready' : 'error' }))
        } finally {
          if (currentLoad === controller) currentLoad = null
        }
      },

      connect() {
        return source.subscribe({
          progress: acceptLiveProgress,
          error: (error) => set({ error: report(error) }),
          warning: (error) => void report(error),
        })
      },

      async track(input) {
        try {
          await source.track(input)
        } catch (error) {
          report(error)
        }
      },

      async ackCelebration(id) {
        // Hidden at once; the source's confirmation only makes it stick across devices.
        if (!get().seenCelebrations[id]) set((state) => ({ seenCelebrations: { ...state.seenCelebrations, [id]: true } }))
        try {
          await source.ackCelebration(id)
        } catch (error) {
          report(error)
        }
      },

      pendingCelebrations: () => selectPendingCelebrations(get()),
    }
  })
}
