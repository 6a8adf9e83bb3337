// One celebration layer per provider: a widget and a launcher on one page must not open two dialogs.
// Layers claim their store in mount order; the first one renders, the next takes over when it unmounts.
import { useCallback, useState, useSyncExternalStore } from 'react'
import type { CairnStore } from '../../store'

interface Claims {
  /** Mounted layers, oldest first; the first one renders. */
  holders: object[]
  listeners: Set<() => void>
}

// Keyed by store, which is one per <CairnProvider>: the claim lives and dies with its provider.
const claimsByStore = new WeakMap<CairnStore, Claims>()

function claimsFor(store: CairnStore): Claims {
  let claims = claimsByStore.get(store)
  if (!claims) {
    claims = { holders: [], listeners: new Set() }
    claimsByStore.set(store, claims)
  }
  return claims
}

const notify = (claims: Claims) => {
  for (const listener of [...claims.listeners]) listener()
}

/** True while this component is the first mounted celebration layer of `store` (false on the server). */
export function useLayerClaim(store: CairnStore): boolean {
  const claims = claimsFor(store)
  const [token] = useState(() => ({}))
  // Subscribing is claiming: mount order decides, and unmounting hands the layer to the next holder.
  const subscribe = useCallback(
    (onChange: () => void) => {
      claims.holders.push(token)
      claims.listeners.add(onChange)
      notify(claims)
      return () => {
        claims.holders = claims.holders.filter((holder) => holder !== token)
        claims.listeners.delete(onChange)
        notify(claims)
      }
    },
    [claims, token],
  )
  return useSyncExternalStore(
    subscribe,
    () => claims.holders[0] === token,
    () => false,
  )
}
