import { CairnError } from './source'

/** The error every aborted operation rejects with, so callers can tell "cancelled" from "failed". */
export function abortedError(): CairnError {
  return new CairnError('aborted', 'The request was cancelled')
}

/**
 * True for errors that only mean "someone cancelled this", which callers usually ignore: a `CairnError` (or a host
 * source's error) with code `aborted`, or the platform's `AbortError`.
 */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: unknown }).code === 'aborted')
}

/**
 * One signal that aborts when any of `signals` does. Written by hand instead of `AbortSignal.any` because
 * that is missing from browsers older than 2024; `release` detaches the listeners so long-lived signals
 * (the source's own) do not collect one listener per request.
 */
export function linkSignals(...signals: (AbortSignal | undefined)[]): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController()
  const sources = signals.filter((s): s is AbortSignal => s !== undefined)
  const onAbort = () => controller.abort()
  for (const source of sources) {
    if (source.aborted) {
      controller.abort()
      break
    }
    source.addEventListener('abort', onAbort, { once: true })
  }
  const release = () => sources.forEach((source) => source.removeEventListener('abort', onAbort))
  return { signal: controller.signal, release }
}

/** Resolves after `ms`, or rejects with an `aborted` CairnError as soon as `signal` aborts (timer cleared). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError())
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortedError())
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
