import type { Source } from '../../client'

/**
 * Wraps the host's source so every load also stops when the provider unmounts. The store's `load()` takes
 * no signal, so the provider's signal is joined in here, at the one place requests start.
 */
export function abortableSource(source: Source, providerSignal: () => AbortSignal | undefined): Source {
  return {
    load: (signal) => source.load(joinSignals(signal, providerSignal())),
    subscribe: (listener) => source.subscribe(listener),
    track: (input) => source.track(input),
    ackCelebration: (id) => source.ackCelebration(id),
    digest: (period, signal) => source.digest(period, joinSignals(signal, providerSignal())),
    // Optional: kept absent when the host's source cannot share, so the widget offers no share action.
    ...(source.share && { share: source.share.bind(source) }),
    ...(source.unshare && { unshare: source.unshare.bind(source) }),
  }
}

function joinSignals(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (!a || !b) return a ?? b
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b])
  // Older engines: follow both by hand.
  const controller = new AbortController()
  const abort = () => controller.abort()
  for (const signal of [a, b]) {
    if (signal.aborted) controller.abort()
    else signal.addEventListener('abort', abort, { once: true })
  }
  return controller.signal
}
