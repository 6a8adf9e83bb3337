import { useContext, useSyncExternalStore } from 'react'
import type { ActiveCelebration, CelebrationQueueSnapshot, ModalDisplay, ToastDisplay } from './celebration-queue'
import { CelebrationHostContext } from './celebration-host'

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
  dismiss(key: string): void
}

const EMPTY: CelebrationQueueSnapshot = { modal: null, toasts: [], displays: [], waiting: 0 }
const emptySnapshot = () => EMPTY
const subscribeNothing = () => () => {}
const dismissNothing = () => {}

/**
 * Headless celebrations: what the provider's queue shows now and a way to dismiss it. Celebrations are
 * acknowledged as they are shown, so render everything this returns — typically with
 * `<CairnProvider celebrations={false}>`, so the built-in layer does not show the same moments.
 * Until the provider's first pending celebration has loaded the celebration code (and on the server) this
 * returns an empty plan (`displays: []`, `modal: null`), then re-renders.
 */
export function useCelebrations(): CelebrationsApi {
  const queue = useContext(CelebrationHostContext)?.queue ?? null
  const snapshot = useSyncExternalStore(queue?.subscribe ?? subscribeNothing, queue?.getSnapshot ?? emptySnapshot, emptySnapshot)
  return { ...snapshot, dismiss: queue?.dismiss ?? dismissNothing }
}
