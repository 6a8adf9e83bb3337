import { createContext, useContext, type ReactNode } from 'react'
import type { Source } from '../client'
import type { CairnStore } from '../store'
import type { CairnAnalyticsHandler } from './analytics/types'
import type { Formatters, ProviderMessages } from './i18n'

/** `system` follows `prefers-color-scheme`. */
export type CairnTheme = 'system' | 'light' | 'dark'

/** Parts that accept a class through `classNames`. */
export type CairnPart =
  | 'root' | 'header' | 'checklist' | 'level' | 'levelTrigger' | 'levelContent' | 'milestone' | 'progressBar' | 'progressRing'
  | 'badgeShelf' | 'badge' | 'benchmarkCard' | 'nextStep' | 'value' | 'digest' | 'timeline' | 'timelineMonth' | 'launcher' | 'panel' | 'cta' | 'notice'

export type CairnClassNames = Partial<Record<CairnPart, string>>

/** What a router-aware link receives; render your `<Link>` with these. */
export interface RenderLinkProps {
  href: string
  children: ReactNode
  className?: string
  onClick: () => void
  'data-cairn-cta': string
}

export type RenderLink = (props: RenderLinkProps) => ReactNode

export interface CairnContextValue {
  store: CairnStore
  source: Source
  locale: string
  dir: 'ltr' | 'rtl'
  /** The lazy parts' strings may be absent: each part lays these over its own English. */
  messages: ProviderMessages
  /** False while the locale's built-in strings load: show a skeleton rather than a flash of English. */
  localeReady: boolean
  format: Formatters
  theme: CairnTheme
  unstyled: boolean
  classNames: CairnClassNames
  renderLink: RenderLink | undefined
  /** Sends an analytics event to `onEvent` (never throws into the widget). */
  emit: CairnAnalyticsHandler
  /** Passes a failure to `onError` (never throws into the widget). */
  reportError(error: unknown): void
  /** Emits `widget_viewed` the first time it is called for this provider. */
  markViewed(): void
}

// Default null, not a hidden global store: a part rendered outside a provider fails loudly and clearly.
export const CairnContext = createContext<CairnContextValue | null>(null)
CairnContext.displayName = 'CairnContext'

/** The provider's context; throws a helpful error outside `<CairnProvider>`. */
export function useCairnContext(): CairnContextValue {
  const context = useContext(CairnContext)
  if (!context) {
    throw new Error('Cairn: render this component inside <CairnProvider source={…}>.')
  }
  return context
}
