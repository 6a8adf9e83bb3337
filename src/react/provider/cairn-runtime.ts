import { isAbortError, type Source } from '../../client'
import type { Program } from '../../core'
import { createCairnStore, type CairnStore } from '../../store'
import { achievementEvent, newlyAchieved } from '../analytics/newly-achieved'
import type { CairnAnalyticsHandler, CairnSubject } from '../analytics/types'
import { abortableSource } from './abortable-source'

export interface RuntimeHandlers {
  onEvent?: CairnAnalyticsHandler
  onError?: (error: Error) => void
  subject?: CairnSubject
}

/** Everything one provider owns, kept outside React so handlers and lifecycles are plain code. */
export interface CairnRuntime {
  store: CairnStore
  /** The host's source, with loads joined to the provider's lifetime. */
  source: Source
  /** Latest props from the provider (called from an effect). */
  setHandlers(handlers: RuntimeHandlers): void
  emit: CairnAnalyticsHandler
  reportError(error: unknown): void
  /** `widget_viewed`, once per runtime. */
  markViewed(): void
  /** Loads, connects and starts achievement analytics; the returned function aborts and disconnects. */
  start(): () => void
}

/** Creates the runtime behind one `<CairnProvider>`. */
export function createCairnRuntime(hostSource: Source, initial: RuntimeHandlers): CairnRuntime {
  let handlers = initial
  let lifetime: AbortController | null = null
  let viewed = false
  /** `markViewed` was called while the first snapshot was still loading. */
  let viewPending = false
  /** Users already reported as `holdout_assigned` by this provider. */
  const heldOut = new Set<string>()

  const reportError = (error: unknown) => {
    // A cancelled request is the widget going away, not a failure worth reporting.
    if (isAbortError(error)) return
    try {
      handlers.onError?.(error instanceof Error ? error : new Error(String(error)))
    } catch {
      // The host's handler failing must never take the widget (or the page) down.
    }
  }
  const emit: CairnAnalyticsHandler = (name, properties) => {
    try {
      handlers.onEvent?.(name, properties)
    } catch (error) {
      reportError(error)
    }
  }
  const source = abortableSource(hostSource, () => lifetime?.signal)
  const store = createCairnStore({ source, onError: reportError })

  /** `holdout_assigned`, once per provider and user, so the host can log which arm this user is in. */
  const reportHoldout = (program: Program) => {
    const { subject } = handlers
    const key = subject?.userId ?? ''
    if (heldOut.has(key)) return
    heldOut.add(key)
    emit('holdout_assigned', {
      experiment_id: program.experiment?.id ?? null,
      user_id: subject?.userId ?? null,
      account_id: subject?.accountId ?? null,
      timestamp: new Date().toISOString(),
    })
  }

  // Never unsubscribed: the store and this listener belong to this runtime alone and are collected with it.
  store.subscribe((state, previous) => {
    if (state.progress?.holdout === true && state.program) reportHoldout(state.program)
    if (viewPending && state.progress) {
      viewPending = false
      runtime.markViewed()
    }
    if (state.progress === previous.progress || !state.program || !state.progress) return
    for (const id of newlyAchieved(previous.progress, state.progress)) {
      const event = achievementEvent(state.program, state.progress, id, handlers.subject)
      if (event) emit('milestone_achieved', event)
    }
  })

  const runtime: CairnRuntime = {
    store,
    source,
    setHandlers: (next) => {
      handlers = next
    },
    emit,
    reportError,
    markViewed: () => {
      if (viewed) return
      const progress = store.getState().progress
      // Before the first snapshot nobody knows yet whether this user is in the holdout (who sees nothing):
      // the view is reported once that snapshot arrives, and never for the holdout.
      if (!progress) {
        viewPending = true
        return
      }
      if (progress.holdout === true) return
      viewed = true
      const { subject } = handlers
      emit('widget_viewed', { user_id: subject?.userId ?? null, account_id: subject?.accountId ?? null, timestamp: new Date().toISOString() })
    },
    start: () => {
      const controller = new AbortController()
      lifetime = controller
      void store.getState().load()
      const disconnect = store.getState().connect()
      return () => {
        controller.abort()
        disconnect()
      }
    },
  }
  return runtime
}
