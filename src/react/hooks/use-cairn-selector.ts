import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { CairnActions, CairnState } from '../../store'
import { useCairnContext } from '../context'

type StoreState = CairnState & CairnActions

/**
 * Subscribes to the smallest slice of the provider's store. The store shares unchanged subtrees between
 * snapshots and its selectors are memoized, so `Object.is` is enough by default: one milestone update
 * re-renders one row. Pass `isEqual` for slices derived here (e.g. a list built from memoized views).
 */
export function useCairnSelector<T>(selector: (state: StoreState) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const { store } = useCairnContext()
  const last = useRef<{ state: StoreState; selector: unknown; value: T } | null>(null)
  const getSnapshot = useCallback(() => {
    const state = store.getState()
    const cached = last.current
    if (cached && cached.state === state && cached.selector === selector) return cached.value
    const value = selector(state)
    // Keep the previous reference when nothing meaningful changed: useSyncExternalStore then skips the render.
    const stable = cached && isEqual(cached.value, value) ? cached.value : value
    last.current = { state, selector, value: stable }
    return stable
  }, [store, selector, isEqual])
  // The server snapshot is the store's initial state: no window, no fetch, deterministic markup.
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot)
}
