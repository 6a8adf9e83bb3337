// The celebration queue driver: one per store (so per <CairnProvider>), no React inside.
// It turns the store's pending celebrations into what is on screen, following the core policy, and
// acknowledges each celebration exactly once, when it is first shown (or silently folded away).
import { MODAL_COOLDOWN_MS, planCelebrations, type Celebration, type CelebrationDisplay } from '../../core'
import type { CairnStore } from '../../store'
import type { CairnAnalyticsHandler } from '../analytics/types'

/** Toasts on screen at once; the rest wait their turn so the corner never fills up. */
export const MAX_VISIBLE_TOASTS = 3

export type ModalDisplay = Extract<CelebrationDisplay, { as: 'modal' }> & { key: string }
export type ToastDisplay = (Extract<CelebrationDisplay, { as: 'toast' }> | Extract<CelebrationDisplay, { as: 'group' }>) & {
  key: string
}
/** A celebration on screen: the modal or one toast (a group toast counts as one). */
export type ActiveCelebration = ModalDisplay | ToastDisplay

/** Why a celebration left the screen. */
export type DismissReason = 'user' | 'timeout'

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

/** One analytics moment: a celebration went on screen or left it. */
export interface CelebrationEvent {
  name: 'celebration_shown' | 'celebration_dismissed'
  celebration: Celebration
  /** How it was shown. */
  as: ActiveCelebration['as']
  /** Only for `celebration_dismissed`. */
  reason?: DismissReason
}

/** Receives every `CelebrationEvent` (the provider's analytics). */
export type CelebrationReporter = (event: CelebrationEvent) => void

export interface CelebrationQueueOptions {
  /** @default MODAL_COOLDOWN_MS (10 minutes) */
  modalCooldownMs?: number
  /** @default core's MAX_SEPARATE_TOASTS (2) */
  maxSeparateToasts?: number
  /** @default MAX_VISIBLE_TOASTS (3) */
  maxVisibleToasts?: number
  /** Clock, injectable for tests. @default Date.now */
  now?: () => number
}

export interface CelebrationQueue {
  getSnapshot(): CelebrationQueueSnapshot
  /** Listens for changes; the first listener starts watching the store, the last one to leave stops it. */
  subscribe(listener: () => void): () => void
  /** Takes a celebration (by its display key) off the screen. */
  dismiss(key: string, reason?: DismissReason): void
  /** Where analytics events go (the provider's onEvent). */
  setReporter(reporter: CelebrationReporter | undefined): void
  /** Updates policy options (take effect at the next plan). */
  configure(options: CelebrationQueueOptions): void
}

const EMPTY: CelebrationQueueSnapshot = { modal: null, toasts: [], displays: [], waiting: 0 }

function celebrationsOf(display: ActiveCelebration): Celebration[] {
  return display.as === 'group' ? display.celebrations : [display.celebration]
}

function keyed(display: CelebrationDisplay): ActiveCelebration | null {
  switch (display.as) {
    case 'modal':
    case 'toast':
      return { ...display, key: display.celebration.id }
    case 'group':
      return { ...display, key: `group:${display.celebrations[0]?.id ?? ''}` }
    default:
      return null
  }
}

/** Creates a queue over `store`. Prefer `celebrationQueueFor(store)`, which keeps one per store. */
export function createCelebrationQueue(store: CairnStore, initial: CelebrationQueueOptions = {}): CelebrationQueue {
  let options = initial
  let reporter: CelebrationReporter | undefined
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
  let syncing = false

  const now = () => (options.now ?? Date.now)()

  function ack(celebration: Celebration): void {
    if (acked.has(celebration.id)) return
    acked.add(celebration.id)
    // The store reports ack failures through its onError and hides the id for this session anyway.
    store.getState().ackCelebration(celebration.id).catch(() => {})
  }

  function reportAll(name: CelebrationEvent['name'], display: ActiveCelebration, reason?: DismissReason): void {
    for (const celebration of celebrationsOf(display)) {
      reporter?.({ name, celebration, as: display.as, ...(reason ? { reason } : {}) })
    }
  }

  function show(display: ActiveCelebration): void {
    for (const c of celebrationsOf(display)) ack(c)
    reportAll('celebration_shown', display)
  }

  function publish(): void {
    const limit = options.maxVisibleToasts ?? MAX_VISIBLE_TOASTS
    const toasts = toastLine.slice(0, limit)
    for (const toast of toasts) if (!celebrationsOf(toast).every((c) => acked.has(c.id))) show(toast)
    const displays: ActiveCelebration[] = modal ? [modal, ...toasts] : toasts
    snapshot = { modal, toasts, displays, waiting: toastLine.length - toasts.length }
    for (const listener of listeners) listener()
  }

  /** Plans what is pending and not yet claimed. Holds everything back while a modal is open. */
  function plan(): void {
    if (modal || syncing) return
    syncing = true
    try {
      const pending = store.getState().pendingCelebrations().filter((c) => !claimed.has(c.id))
      if (pending.length === 0) return
      const at = now()
      const displays = planCelebrations(pending, { lastModalAt }, at, {
        modalCooldownMs: options.modalCooldownMs ?? MODAL_COOLDOWN_MS,
        ...(options.maxSeparateToasts === undefined ? {} : { maxSeparateToasts: options.maxSeparateToasts }),
      })
      const planned = displays.find((d) => d.as === 'modal')
      for (const display of displays) {
        if (display.as === 'silent') {
          claimed.add(display.celebration.id)
          ack(display.celebration)
        }
      }
      if (planned) {
        // The big moment stands alone; the toasts are planned again once it closes.
        modal = keyed(planned) as ModalDisplay
        lastModalAt = at
        claimed.add(planned.celebration.id)
        show(modal)
      } else {
        for (const display of displays) {
          const toast = keyed(display)
          if (!toast || toast.as === 'modal') continue
          for (const c of celebrationsOf(toast)) claimed.add(c.id)
          toastLine = [...toastLine, toast]
        }
      }
    } finally {
      syncing = false
    }
    publish()
  }

  function dismiss(key: string, reason: DismissReason = 'user'): void {
    if (modal?.key === key) {
      reportAll('celebration_dismissed', modal, reason)
      modal = null
      publish()
      plan()
      return
    }
    const toast = toastLine.find((t) => t.key === key)
    if (!toast) return
    reportAll('celebration_dismissed', toast, reason)
    toastLine = toastLine.filter((t) => t !== toast)
    publish()
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

  return {
    getSnapshot: () => snapshot,
    subscribe,
    dismiss,
    setReporter: (next) => {
      reporter = next
    },
    configure: (next) => {
      options = { ...options, ...next }
    },
  }
}

/** Turns queue events into the provider's analytics events (`emit`). */
export function analyticsReporter(emit: CairnAnalyticsHandler): CelebrationReporter {
  return ({ name, celebration, as }) => {
    const common = { celebration_id: celebration.id, kind: celebration.kind, timestamp: new Date().toISOString() }
    // `style` reports how the moment was actually shown (a level inside the cooldown shows as a toast).
    if (name === 'celebration_shown') emit('celebration_shown', { ...common, style: as })
    else emit('celebration_dismissed', common)
  }
}

const queues = new WeakMap<CairnStore, CelebrationQueue>()

/** The queue of this store (one per provider), created on first use. */
export function celebrationQueueFor(store: CairnStore): CelebrationQueue {
  let queue = queues.get(store)
  if (!queue) {
    queue = createCelebrationQueue(store)
    queues.set(store, queue)
  }
  return queue
}
