import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { useCairnContext } from '../context'
import type {
  ActiveCelebration,
  CelebrationQueueOptions,
  CelebrationQueueSnapshot,
  DismissReason,
  ModalDisplay,
  ToastDisplay,
} from './celebration-queue'
import { useCelebrationRuntime } from './celebration-runtime-loader'

/** Policy knobs; every `useCelebrations` of one provider shares one queue, so the last one set wins. */
export type UseCelebrationsOptions = Omit<CelebrationQueueOptions, 'now'>

export interface CelebrationsApi {
  /** Everything on screen now: the modal first (if any), then the visible toasts. */
  displays: ActiveCelebration[]
  /** The one big moment on screen, if any. */
  modal: ModalDisplay | null
  /** Visible toasts, oldest first. */
  toasts: ToastDisplay[]
  /** Toasts waiting for a free slot. */
  waiting: number
  /** Takes a celebration off the screen by its display key (`display.key`). */
  dismiss(key: string, reason?: DismissReason): void
}

const EMPTY: CelebrationQueueSnapshot = { modal: null, toasts: [], displays: [], waiting: 0 }
const emptySnapshot = () => EMPTY
const subscribeNothing = () => () => {}

/**
 * Headless celebrations: what to show now and a way to dismiss it. Celebrations are acknowledged as they
 * are shown, so render everything this returns (or use `<CelebrationLayer />`, which does).
 * The runtime behind it loads with import() on the provider's first pending celebration: until it has
 * loaded (and on the server) this returns an empty plan (`displays: []`, `modal: null`), then re-renders.
 */
export function useCelebrations(options: UseCelebrationsOptions = {}): CelebrationsApi {
  const { store, emit } = useCairnContext()
  const runtime = useCelebrationRuntime()
  const queue = runtime?.celebrationQueueFor(store) ?? null
  const { modalCooldownMs, maxSeparateToasts, maxVisibleToasts } = options

  // Runs before the subscription below, so the first plan already follows the options and reports its events.
  useEffect(() => {
    if (!runtime || !queue) return
    queue.configure({ modalCooldownMs, maxSeparateToasts, maxVisibleToasts })
    queue.setReporter(runtime.analyticsReporter(emit))
  }, [runtime, queue, emit, modalCooldownMs, maxSeparateToasts, maxVisibleToasts])

  const snapshot = useSyncExternalStore(queue?.subscribe ?? subscribeNothing, queue?.getSnapshot ?? emptySnapshot, emptySnapshot)
  const dismiss = useCallback((key: string, reason?: DismissReason) => queue?.dismiss(key, reason), [queue])
  return { ...snapshot, dismiss }
}
