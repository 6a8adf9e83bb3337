import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { useCairnContext } from '../context'
import {
  celebrationQueueFor,
  type ActiveCelebration,
  type CelebrationQueueOptions,
  type CelebrationQueueSnapshot,
  type CelebrationReporter,
  type DismissReason,
  type ModalDisplay,
  type ToastDisplay,
} from './celebration-queue'

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

const SERVER_SNAPSHOT: CelebrationQueueSnapshot = { modal: null, toasts: [], displays: [], waiting: 0 }
const serverSnapshot = () => SERVER_SNAPSHOT

/**
 * Headless celebrations: what to show now and a way to dismiss it. Celebrations are acknowledged as they
 * are shown, so render everything this returns (or use `<CelebrationLayer />`, which does).
 */
export function useCelebrations(options: UseCelebrationsOptions = {}): CelebrationsApi {
  const { store, emit } = useCairnContext()
  const queue = celebrationQueueFor(store)
  const { modalCooldownMs, maxSeparateToasts, maxVisibleToasts } = options

  useEffect(() => {
    queue.configure({ modalCooldownMs, maxSeparateToasts, maxVisibleToasts })
  }, [queue, modalCooldownMs, maxSeparateToasts, maxVisibleToasts])

  useEffect(() => {
    const reporter: CelebrationReporter = ({ name, celebration, as }) => {
      const common = { celebration_id: celebration.id, kind: celebration.kind, timestamp: new Date().toISOString() }
      // `style` reports how the moment was actually shown (a level inside the cooldown shows as a toast).
      if (name === 'celebration_shown') emit('celebration_shown', { ...common, style: as })
      else emit('celebration_dismissed', common)
    }
    queue.setReporter(reporter)
  }, [queue, emit])

  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot, serverSnapshot)
  const dismiss = useCallback((key: string, reason?: DismissReason) => queue.dismiss(key, reason), [queue])
  return { ...snapshot, dismiss }
}
