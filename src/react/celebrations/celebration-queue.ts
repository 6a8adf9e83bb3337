// The celebration queue: one per <CairnProvider> (its host creates it), no React inside. It turns the
// store's pending celebrations into what is on screen, following the core policy, and acknowledges each
// celebration exactly once, when it is first shown (or silently merged away).
import { MAX_SEPARATE_TOASTS, MODAL_COOLDOWN_MS, planCelebrations, saidByDialog, type Celebration, type CelebrationDisplay } from '../../core'
import type { CairnStore } from '../../store'
import type { CairnAnalyticsHandler } from '../analytics/types'
import type { CelebrationPolicy } from './celebration-types'

/** Toasts on screen at once; the rest wait their turn so the corner never fills up. */
export const MAX_VISIBLE_TOASTS = 3

export type ModalDisplay = Extract<CelebrationDisplay, { as: 'modal' }> & { key: string }
export type ToastDisplay = (Extract<CelebrationDisplay, { as: 'toast' }> | Extract<CelebrationDisplay, { as: 'group' }>) & {
  key: string
}
/** A celebration on screen: the modal or one toast (a group toast counts as one). */
export type ActiveCelebration = ModalDisplay | ToastDisplay

export interface CelebrationQueueSnapshot {
  /** The one modal on screen, if any. */
  modal: ModalDisplay | null
  /** Toasts on screen, oldest first (at most `maxVisibleToasts`). */
  toasts: ToastDisplay[]
  /** Everything on screen: the modal first, then the toasts. */
  displays: ActiveCelebration[]
  /** Toasts claimed but waiting for a free slot. */
  waiting: number
}

export interface CelebrationQueueOptions {
  /** Where `celebration_shown` / `celebration_dismissed` go (the provider's analytics). */
  emit: CairnAnalyticsHandler
  /** The provider's current policy, read at every plan. @default () => ({}) */
  policy?: () => CelebrationPolicy
  /** Clock, injectable for tests. @default Date.now */
  now?: () => number
}

export interface CelebrationQueue {
  getSnapshot(): CelebrationQueueSnapshot
  /** Listens for changes; the first listener starts watching the store, the last one to leave stops it. */
  subscribe(listener: () => void): () => void
  /** Takes a celebration (by its display key) off the screen; unknown keys are ignored. */
  dismiss(key: string): void
}

const EMPTY: CelebrationQueueSnapshot = { modal: null, toasts: [], displays: [], waiting: 0 }

function celebrationsOf(display: ActiveCelebration): Celebration[] {
  return display.as === 'group' ? display.celebrations : [display.celebration]
}

function keyed(display: CelebrationDisplay): ActiveCelebration | null {
  if (display.as === 'modal' || display.as === 'toast') return { ...display, key: display.celebration.id }
  if (display.as === 'group') return { ...display, key: `group:${display.celebrations[0]?.id ?? ''}` }
  return null
}

/** Creates the queue of one provider over its `store`. */
export function createCelebrationQueue(store: CairnStore, { emit, policy = () => ({}), now = Date.now }: CelebrationQueueOptions): CelebrationQueue {
  let lastModalAt: number | undefined
  let modal: ModalDisplay | null = null
  let toastLine: ToastDisplay[] = []
  let snapshot = EMPTY
  /** Ids taken out of `pending` by this queue, shown or waiting; never planned twice. */
  const claimed = new Set<string>()
  /** Ids already acknowledged; the guard that makes every ack happen exactly once. */
  const acked = new Set<string>()
  const listeners = new Set<() => void>()
  let stopWatching: (() => void) | null = null
  let planning = false

  function ack(celebration: Celebration): void {
    claimed.add(celebration.id)
    if (acked.has(celebration.id)) return
    acked.add(celebration.id)
    // The store reports ack failures through its onError and hides the id for this session anyway.
    store.getState().ackCelebration(celebration.id).catch(() => {})
  }

  function report(name: 'celebration_shown' | 'celebration_dismissed', display: ActiveCelebration): void {
    for (const { id, kind } of celebrationsOf(display)) {
      const common = { celebration_id: id, kind, timestamp: new Date().toISOString() }
      // `style` reports how the moment was actually shown (a milestone inside the cooldown shows as a toast).
      if (name === 'celebration_shown') emit(name, { ...common, style: display.as })
      else emit(name, common)
    }
  }

  function show(display: ActiveCelebration): void {
    for (const c of celebrationsOf(display)) ack(c)
    report('celebration_shown', display)
  }

  function publish(): void {
    const toasts = toastLine.slice(0, policy().maxVisibleToasts ?? MAX_VISIBLE_TOASTS)
    for (const toast of toasts) if (!celebrationsOf(toast).every((c) => acked.has(c.id))) show(toast)
    snapshot = { modal, toasts, displays: modal ? [modal, ...toasts] : toasts, waiting: toastLine.length - toasts.length }
    for (const listener of listeners) listener()
  }

  /** Plans what is pending and not yet claimed. Holds everything back while a modal is open. */
  function plan(): void {
    if (modal || planning) return
    planning = true
    try {
      const state = store.getState()
      // Not before the program is here (a live update can beat the first load): the dialog needs its details,
      // and the policy its levels.
      const pending = state.program ? state.pendingCelebrations().filter((c) => !claimed.has(c.id)) : []
      if (pending.length === 0) return
      const at = now()
      const { modalCooldownMs = MODAL_COOLDOWN_MS, maxSeparateToasts = MAX_SEPARATE_TOASTS } = policy()
      const levels = state.program?.levels
      for (const display of planCelebrations(pending, { lastModalAt }, at, { modalCooldownMs, maxSeparateToasts, ...(levels && { levels }) })) {
        const shown = keyed(display)
        if (display.as === 'silent') ack(display.celebration)
        else if (shown?.as === 'modal') {
          modal = shown
          lastModalAt = at
          show(shown)
          foldInto(shown, levels)
        } else if (shown) {
          for (const c of celebrationsOf(shown)) claimed.add(c.id)
          toastLine = [...toastLine, shown]
        }
      }
    } finally {
      planning = false
    }
    publish()
  }

  /**
   * One moment, one celebration: toasts the dialog already says (a level's earlier steps, toasted moments before the
   * step that completed it) leave the screen as it opens, and waiting ones are never shown. All are acknowledged.
   */
  function foldInto(dialog: ModalDisplay, levels: Parameters<typeof saidByDialog>[2]): void {
    const said = new Set(saidByDialog(dialog.celebration, toastLine.flatMap(celebrationsOf), levels))
    if (said.size === 0) return
    toastLine = toastLine.flatMap((toast): ToastDisplay[] => {
      const rest = celebrationsOf(toast).filter((c) => !said.has(c))
      if (rest.length === celebrationsOf(toast).length) return [toast]
      if (rest.length > 1) return [{ ...toast, as: 'group', celebrations: rest } as ToastDisplay]
      return rest.map((celebration) => ({ as: 'toast', celebration, key: celebration.id }))
    })
    for (const c of said) ack(c)
  }

  function dismiss(key: string): void {
    const display = modal?.key === key ? modal : toastLine.find((t) => t.key === key)
    if (!display) return
    report('celebration_dismissed', display)
    if (display === modal) modal = null
    else toastLine = toastLine.filter((t) => t !== display)
    publish()
    plan()
  }

  function subscribe(listener: () => void): () => void {
    listeners.add(listener)
    if (!stopWatching) {
      stopWatching = store.subscribe(plan)
      plan()
    }
    return () => {
      listeners.delete(listener)
      if (listeners.size === 0 && stopWatching) {
        stopWatching()
        stopWatching = null
      }
    }
  }

  return { getSnapshot: () => snapshot, subscribe, dismiss }
}
