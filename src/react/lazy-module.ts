import { useEffect, useReducer } from 'react'

/** A module fetched with import() once, on first need; its outcome stays readable during render. */
export interface LazyModule<T> {
  readonly state: { module: T | null; failed: boolean; error?: unknown }
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
 * `onFailed` hears a failed load once each time a component comes to want it, also when the load had already
 * failed before (a preload nobody was waiting for stays quiet until then). @default none
 */
export function useLazyModule<T>(lazy: LazyModule<T> | undefined, wanted: boolean, onFailed?: (error: unknown) => void): T | null {
  const [, rerender] = useReducer((count: number) => count + 1, 0)
  const loaded = lazy?.state.module ?? null
  useEffect(() => {
    if (!lazy || !wanted || loaded) return
    let live = true
    // A load that already failed settles at once: this component now wants the module, so it hears why it is missing.
    void lazy.load().then(() => {
      if (!live) return
      if (lazy.state.failed) onFailed?.(lazy.state.error)
      rerender()
    })
    return () => {
      live = false
    }
    // `onFailed` is read when the load settles; a new function each render must not restart the wait.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lazy, wanted, loaded])
  return loaded
}
