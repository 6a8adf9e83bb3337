import { linkSignals, type Source } from '../../client'

/**
 * Wraps the host's source so every load also stops when the provider unmounts. The store's `load()` takes
 * no signal, so the provider's signal is joined in here, at the one place requests start.
 */
export function abortableSource(source: Source, providerSignal: () => AbortSignal | undefined): Source {
  /** Runs `request` under `signal` and the provider's, detaching from both once it settles. */
  const joined = <T>(signal: AbortSignal | undefined, request: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const link = linkSignals(signal, providerSignal())
    return request(link.signal).finally(link.release)
  }
  return {
    load: (signal) => joined(signal, (linked) => source.load(linked)),
    subscribe: (listener) => source.subscribe(listener),
    track: (input) => source.track(input),
    ackCelebration: (id) => source.ackCelebration(id),
    digest: (period, signal) => joined(signal, (linked) => source.digest(period, linked)),
    benchmarks: source.benchmarks,
    // Optional: kept absent when the host's source cannot share, so the widget offers no share action.
    ...(source.share && { share: source.share.bind(source) }),
    ...(source.unshare && { unshare: source.unshare.bind(source) }),
  }
}
