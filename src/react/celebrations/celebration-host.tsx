// The provider's one celebration layer, always loaded and small: it waits for a pending celebration, loads
// the one lazy chunk (queue, toasts, dialog, motion, confetti), creates this provider's queue and passes it
// down — to the layer it renders, and through context to `useCelebrations`.
import { createContext, useEffect, useMemo, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react'
import type { CairnActions, CairnState } from '../../store'
import { CtaLink } from '../components/cta-link'
import { Icon } from '../components/icons'
import { useCairnContext } from '../context'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { useHoldout } from '../hooks/use-holdout'
import { useSuppressed } from '../hooks/use-suppressed'
import { coversAll, useLocaleTables, withOverrides } from '../i18n/locale-tables'
import { lazyModule, useLazyModule } from '../lazy-module'
// Type-only: erased at build time, so the chunk never lands in the first-load bundle.
import type * as ChunkModule from './celebration-chunk'
import type { CelebrationQueue } from './celebration-queue'
import type { CelebrationKit, CelebrationLayerProps, CelebrationPolicy } from './celebration-types'

/**
 * The celebration chunk, loaded on the provider's first pending celebration. Exported for tests, which load it up
 * front (`CELEBRATION_CHUNK.load()`) as they do `BENCHMARK_VIEW`; an exported `chunk.load` alias left a dead
 * `chunk.load;` read in every page's bundle (a property read bundlers cannot prove free of side effects).
 */
export const CELEBRATION_CHUNK = lazyModule<typeof ChunkModule>(() => import('./celebration-chunk'))

export interface CelebrationHostValue {
  /** The layer is on: it announces every achievement it shows, so nothing else should (one announcer). */
  enabled: boolean
  /** This provider's queue; null until the chunk has loaded (and on the server). */
  queue: CelebrationQueue | null
  /** Set by a mounted `<CelebrationLayer>`: how the layer looks and where it goes. */
  setLayer: Dispatch<SetStateAction<CelebrationLayerProps | null>>
}

export const CelebrationHostContext = createContext<CelebrationHostValue | null>(null)
CelebrationHostContext.displayName = 'CairnCelebrationHost'

/** A value read later by plain code (the queue), set from an effect. */
function latest<T>(initial: T): { get(): T; set(next: T): void } {
  let value = initial
  return {
    get: () => value,
    set: (next) => {
      value = next
    },
  }
}

// `pendingCelebrations()` is memoized by the store, so this stays cheap on every store update.
const hasPending = (state: CairnState & CairnActions) => state.pendingCelebrations().length > 0

export interface CelebrationHostProps extends CelebrationPolicy {
  /** Render the layer; without it only `useCelebrations` shows what the queue plans. */
  enabled: boolean
  children?: ReactNode
}

/**
 * Mounted once by `<CairnProvider>`. The chunk loads on the provider's first pending celebration; if it cannot
 * load (offline, a stale deploy) nothing is shown or acknowledged, so the moment comes back on a later visit.
 */
export function CelebrationHost({ enabled, children, ...policy }: CelebrationHostProps) {
  const context = useCairnContext()
  const { store, emit } = context
  const loaded = useLazyModule(CELEBRATION_CHUNK, useCairnSelector(hasPending))
  // The queue reads the policy at every plan; an effect keeps it current, as the provider does its handlers.
  const [latestPolicy] = useState(() => latest<CelebrationPolicy>(policy))
  useEffect(() => latestPolicy.set(policy))
  const queue = useMemo(() => loaded?.createCelebrationQueue(store, { emit, policy: latestPolicy.get }) ?? null, [loaded, store, emit, latestPolicy])
  const [layer, setLayer] = useState<CelebrationLayerProps | null>(null)
  // The experiment's holdout is never celebrated (DESIGN §7.6).
  const holdout = useHoldout()
  // While suppressed (an open support case) nothing is celebrated; what is held arrives when it ends (§7.2).
  const suppressed = useSuppressed()
  const shown = enabled && !holdout && !suppressed
  const value = useMemo(() => ({ enabled: shown, queue, setLayer }), [shown, queue])
  const View = loaded?.CelebrationView
  const kit = useMemo<CelebrationKit>(() => ({ context, useCairnSelector, useLocaleTables, coversAll, withOverrides, CtaLink, Icon }), [context])

  return (
    <CelebrationHostContext.Provider value={value}>
      {children}
      {shown && queue && View ? <View {...layer} queue={queue} kit={kit} /> : null}
    </CelebrationHostContext.Provider>
  )
}
CelebrationHost.displayName = 'CairnCelebrationHost'
