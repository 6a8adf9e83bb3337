import { useEffect, useReducer } from 'react'

/** A module fetched with import() once, on first need; its outcome stays readable during render. */
export interface LazyModule<T> {
  readonly state: {
    module: T | null
    failed: boolean
    error?: unknown
    /** The failure has been reported: a load runs once per page, so it is reported once. */
    told?: boolean
  }
  /** Starts the import (once); settles when the module has loaded or failed (offline, a stale deploy). */
  load(): Promise<void>
}

/** Wraps `importModule` (an `() => import('./…')`) so it runs at most once per page. */
export function lazyModule<T>(importModule: () => Promise<T>): LazyModule<T> {
  const state: LazyModule<T>['state'] = { module: null, failed: false }
  let loading: Promise<void> | undefined
  return {
    state,
    load: () =>
      (loading ??= importModule().then(
        (module) => {
          state.module = module
        },
        (error: unknown) => {
          state.failed = true
          state.error = error
        },
      )),
  }
}

/**
 * Loads `lazy` once `wanted`, re-rendering when it settles; returns the module (null until then, or without one).
 * `report` (pass a stable function, such as the context's `reportError`) says this component needs the module now:
 * a failed load is reported through it, once per page whichever component asks first, also when the load had
 * failed before. Without it the load is a quiet preload. @default none (quiet)
 */
export function useLazyModule<T>(lazy: LazyModule<T> | undefined, wanted: boolean, report?: (error: unknown) => void): T | null {
  const [, rerender] = useReducer((count: number) => count + 1, 0)
  const loaded = lazy?.state.module ?? null
  useEffect(() => {
    if (!lazy || !wanted || loaded) return
    let live = true
    // A load that already failed settles at once: this component now needs the module, so the host hears why it is
    // missing, unless another component already said so (the card and the badge shelf share one load).
    const { state } = lazy
    void lazy.load().then(() => {
      if (!live) return
      if (state.failed && report && !state.told) {
        state.told = true
        report(state.error)
      }
      rerender()
    })
    return () => {
      live = false
    }
  }, [lazy, wanted, loaded, report])
  return loaded
}
