import { CairnError } from '../source'

/** The user token, fetched once and refreshed only when the server rejects it. */
export interface TokenProvider {
  get(): Promise<string>
  /** A fresh token after `stale` was rejected; concurrent callers holding the same stale token share one refresh. */
  refresh(stale: string): Promise<string>
}

/** Wraps the host's `getToken`; a failing `getToken` becomes `CairnError('unauthorized')` and is not cached. */
export function createTokenProvider(getToken: () => string | Promise<string>): TokenProvider {
  let current: Promise<string> | null = null
  let latest: string | null = null

  const fetchToken = (): Promise<string> => {
    const pending = Promise.resolve()
      .then(getToken)
      .then(
        (token) => {
          latest = token
          return token
        },
        (cause: unknown) => {
          if (current === pending) current = null
          throw new CairnError('unauthorized', 'Could not get a user token', undefined, cause)
        },
      )
    current = pending
    return pending
  }

  let refreshing: { stale: string; promise: Promise<string> } | null = null
  return {
    get: () => current ?? fetchToken(),
    refresh(stale) {
      if (current && latest !== null && latest !== stale) return current // someone already refreshed
      if (refreshing?.stale === stale) return refreshing.promise // a refresh for this token is in flight
      const promise = fetchToken()
      refreshing = { stale, promise }
      return promise
    },
  }
}
