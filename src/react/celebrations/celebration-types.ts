// Types shared by the always-loaded half of the celebration room (host, layer, hook) and its lazy chunk.
// Types only: importing this file costs nothing at run time and links the two halves in no direction.
import type { CtaLink } from '../components/cta-link'
import type { Icon } from '../components/icons'
import type { CairnContextValue } from '../context'
import type { useCairnSelector } from '../hooks/use-cairn-selector'
import type { CelebrationMessages } from '../i18n'
import type { coversAll, useLocaleTables, withOverrides } from '../i18n/locale-tables'

/**
 * What the lazy chunk borrows from the first load, handed over by the host rather than imported: a module
 * both halves import would land, under an app's code splitting, in a shared chunk every page loads.
 */
export interface CelebrationKit {
  /** The provider's context value (the chunk never reads the context object itself). */
  context: CairnContextValue
  useCairnSelector: typeof useCairnSelector
  useLocaleTables: typeof useLocaleTables
  coversAll: typeof coversAll
  withOverrides: typeof withOverrides
  CtaLink: typeof CtaLink
  /** The icon frame (the toasts draw their close cross in it). */
  Icon: typeof Icon
}

/** The celebration policy, set on `<CairnProvider>` (DESIGN §5, §7.2). */
export interface CelebrationPolicy {
  /** Minimum time between a dialog and the next milestone dialog; levels and badges never wait for it. @default 600000 (10 minutes) */
  modalCooldownMs?: number
  /** More milestone toasts at once than this merge into one ("3 milestones achieved"). @default 2 */
  maxSeparateToasts?: number
  /** Toasts on screen at once; the rest wait for a free slot. @default 3 */
  maxVisibleToasts?: number
}

/** How the provider's one celebration layer looks and where it goes; set with `<CelebrationLayer>`. */
export interface CelebrationLayerProps {
  /** Overrides for any of the layer's strings; a complete table skips loading the locale's. @default the provider locale's built-in table */
  messages?: Partial<CelebrationMessages>
  /** How long a toast stays (paused while hovered or focused). @default 6000 */
  toastDurationMs?: number
  /** Where the layer is portalled, so a transformed or clipped widget never traps it. @default document.body */
  container?: Element | null
  /** Class for the layer's root element. @default none */
  className?: string
}
