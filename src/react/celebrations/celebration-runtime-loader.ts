// The always-loaded half of the celebration runtime: one boolean over the store, and the import() of the rest.
// Most page views celebrate nothing, so the queue, the policy, the toasts and the dialog loader stay out of
// the first load until a pending celebration asks for them.
import type { CairnActions, CairnState } from '../../store'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { lazyModule, useLazyModule } from '../lazy-module'
// Type-only: erased at build time, so the runtime never lands in the first-load bundle.
import type * as RuntimeModule from './celebration-runtime'

/** The lazily loaded celebration runtime: queue, policy, toasts, live region and the dialog loader. */
export type CelebrationRuntime = typeof RuntimeModule

const runtime = lazyModule(() => import('./celebration-runtime'))

/** Starts (once) loading the celebration runtime; settles when it has loaded or failed. */
export const loadCelebrationRuntime = runtime.load

// `pendingCelebrations()` is memoized by the store, so this stays cheap on every store update.
const hasPending = (state: CairnState & CairnActions) => state.pendingCelebrations().length > 0

/**
 * The celebration runtime, loaded on the first pending celebration of this provider; null until then (and if
 * it failed to load: the celebrations then stay unacknowledged and show on a later visit). Once loaded it stays.
 */
export function useCelebrationRuntime(): CelebrationRuntime | null {
  return useLazyModule(runtime, useCairnSelector(hasPending))
}
