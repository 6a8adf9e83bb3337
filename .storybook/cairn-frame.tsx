// The decorator every story renders through: a page in the chosen theme, and a <CairnProvider> whose
// source is the real httpSource against the mocked API (or whatever source the story asks for).
import { useState, type ReactNode } from 'react'
import type { Decorator } from '@storybook/react-vite'
import { CairnProvider, httpSource, type CairnMessages, type CairnProviderProps, type Source } from '../src/react'
// German through its own door (`cairn/locales/de`), passed as `messages` the way a server-rendering host
// does: the panel renders German at once instead of after a lazy load.
import { de } from '../src/react/i18n/de'
import { setReducedMotion } from './reduced-motion'
import { storyToken } from './story-token'

/** `parameters.cairn` of a story. */
export interface CairnStoryParameters {
  /** Builds the story's source. @default httpSource({ baseUrl: '', getToken: the story's fake token }) */
  source?: () => Source
  /** Extra httpSource options, e.g. `{ retry: { retries: 0 } }` for failure stories. */
  http?: Partial<Parameters<typeof httpSource>[0]>
  /** Props passed to the provider besides source/theme/locale (messages, classNames, unstyled…). */
  provider?: Partial<Omit<CairnProviderProps, 'source' | 'children'>>
}

export type StoryTheme = 'light' | 'dark'
export type StoryLocale = 'en' | 'de' | 'ar'

/** Page colours matching the widget's own background in each theme, so standalone parts keep their contrast. */
const PAGE = {
  light: { background: '#ffffff', color: '#111827' },
  dark: { background: '#0b1120', color: '#f9fafb' },
} as const

/**
 * The widget ships English and German. Arabic shows the right-to-left layout with English strings
 * (and an English `lang`, so screen readers pronounce them correctly) until Arabic messages exist.
 */
function localeProps(locale: StoryLocale): { locale: string; dir: 'ltr' | 'rtl'; messages?: CairnMessages } {
  if (locale === 'ar') return { locale: 'en', dir: 'rtl' }
  return locale === 'de' ? { locale, dir: 'ltr', messages: de } : { locale, dir: 'ltr' }
}

interface FrameProps {
  storyId: string
  theme: StoryTheme
  locale: StoryLocale
  /** Fill the viewport (canvas) rather than hug the content (inline on a docs page). */
  fillViewport: boolean
  parameters: CairnStoryParameters
  children: ReactNode
}

function CairnFrame({ storyId, theme, locale, fillViewport, parameters, children }: FrameProps) {
  // One source per mounted story: globals (theme, locale) re-render without reloading data.
  const [source] = useState(
    () => parameters.source?.() ?? httpSource({ baseUrl: '', getToken: () => storyToken(storyId), ...parameters.http }),
  )
  const { dir, ...rest } = localeProps(locale)
  return (
    <div
      data-story-page={theme}
      dir={dir}
      style={{ ...PAGE[theme], padding: 24, minHeight: fillViewport ? '100vh' : undefined, boxSizing: 'border-box' }}
    >
      <CairnProvider source={source} theme={theme} dir={dir} {...rest} {...parameters.provider}>
        {children}
      </CairnProvider>
    </div>
  )
}

/** Applies the toolbar globals (theme, locale, reduced motion) and mounts the provider. */
export const withCairn: Decorator = (Story, context) => {
  const { theme = 'light', locale = 'en', motion = 'full' } = context.globals as { theme?: StoryTheme; locale?: StoryLocale; motion?: string }
  // Set before the story renders, so its first frame already sees the preference.
  setReducedMotion(motion === 'reduce')
  return (
    <CairnFrame
      key={context.id}
      storyId={context.id}
      theme={theme}
      locale={locale}
      fillViewport={context.viewMode === 'story'}
      parameters={(context.parameters.cairn ?? {}) as CairnStoryParameters}
    >
      <Story />
    </CairnFrame>
  )
}
