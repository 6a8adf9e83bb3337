import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Source } from '../../client'
import type { CairnAnalyticsHandler, CairnSubject } from '../analytics/types'
import { CelebrationHost, type CelebrationPolicy } from '../celebrations'
import { CairnContext, type CairnClassNames, type CairnContextValue, type CairnTheme, type RenderLink } from '../context'
import { coversAll, getFormatters, textDirection, useLocaleTables, withOverrides, type CairnMessages, type ProviderMessages } from '../i18n'
import { enFirstLoad, LAZY_MESSAGE_COUNT } from '../i18n/en'
import { createCairnRuntime } from './cairn-runtime'

export interface CairnProviderProps extends CelebrationPolicy {
  /** Where progress comes from: `httpSource({ baseUrl, getToken })` or `localSource(…)`. Read once, on mount; remount (e.g. with a `key`) to switch. */
  source: Source
  /** BCP 47 locale for messages, numbers and dates. @default 'en' */
  locale?: string
  /**
   * Overrides for any subset of the locale's strings. A complete table (e.g. `de` from `cairn/locales/de`)
   * renders at once, even on the server; otherwise a non-English locale's table loads first.
   */
  messages?: Partial<CairnMessages>
  /** Colour scheme; `system` follows `prefers-color-scheme`. @default 'system' */
  theme?: CairnTheme
  /** Writing direction. @default the locale's direction */
  dir?: 'ltr' | 'rtl'
  /** Analytics: `(name, properties)`, shaped like `analytics.track`. */
  onEvent?: CairnAnalyticsHandler
  /** Every failure: network, validation, a crashed render. The widget itself stays quiet. */
  onError?: (error: Error) => void
  /** Renders CTA links through the host's router (`<Link>`); only safe URLs ever reach it. */
  renderLink?: RenderLink
  /** The signed-in user, used only to enrich analytics (`user_id`, `account_id`, `days_since_signup`). */
  subject?: CairnSubject
  /** Drops the `data-cairn-styled` hook so the shipped stylesheet applies nothing. @default false */
  unstyled?: boolean
  /** A class per part, for teams that bring their own design system. */
  classNames?: CairnClassNames
  /**
   * Mount the provider's one celebration layer (level-up dialog, toasts, confetti); its code loads on the first
   * pending celebration. `false` shows nothing — render `useCelebrations()` yourself. @default true
   */
  celebrations?: boolean
  children?: ReactNode
}

const NO_CLASS_NAMES: CairnClassNames = {}

/**
 * Holds one store per provider: loads and connects on mount, aborts and disconnects on unmount.
 * Renders no DOM of its own; on the server it renders the loading state without touching `window`.
 */
export function CairnProvider({
  source,
  locale = 'en',
  messages: overrides,
  theme = 'system',
  dir,
  onEvent,
  onError,
  renderLink,
  subject,
  unstyled = false,
  classNames = NO_CLASS_NAMES,
  celebrations = true,
  children,
  ...celebrationPolicy
}: CairnProviderProps) {
  const [runtime] = useState(() => createCairnRuntime(source, { onEvent, onError, subject }))
  const tables = useLocaleTables(locale, coversAll(enFirstLoad, overrides, LAZY_MESSAGE_COUNT))
  useEffect(() => runtime.setHandlers({ onEvent, onError, subject }), [runtime, onEvent, onError, subject])
  useEffect(() => runtime.start(), [runtime])

  const value = useMemo<CairnContextValue>(
    () => ({
      store: runtime.store,
      source: runtime.source,
      locale,
      dir: dir ?? textDirection(locale),
      messages: withOverrides<ProviderMessages>(tables?.messages ?? enFirstLoad, overrides),
      localeReady: tables !== undefined,
      format: getFormatters(locale),
      theme,
      unstyled,
      classNames,
      renderLink,
      emit: runtime.emit,
      reportError: runtime.reportError,
      markViewed: runtime.markViewed,
    }),
    [runtime, locale, tables, dir, overrides, theme, unstyled, classNames, renderLink],
  )
  return (
    <CairnContext.Provider value={value}>
      <CelebrationHost enabled={celebrations} {...celebrationPolicy}>
        {children}
      </CelebrationHost>
    </CairnContext.Provider>
  )
}
CairnProvider.displayName = 'CairnProvider'
