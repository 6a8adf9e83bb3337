import { de } from './de'
import { en } from './en'
import type { CairnMessages } from './types'

export { en, de }
export type { CairnMessages }
export { getFormatters, type Formatters } from './format'

/** Built-in message tables by primary language subtag. */
const BUILT_IN: Record<string, CairnMessages> = { en, de }

/** Languages written right to left (primary subtags); `dir` follows the locale unless set explicitly. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug'])

function primaryLanguage(locale: string): string {
  return locale.split(/[-_]/)[0]?.toLowerCase() ?? 'en'
}

/** The built-in table for `locale` (English when there is none), with `overrides` laid over it. */
export function resolveMessages(locale: string, overrides?: Partial<CairnMessages>): CairnMessages {
  const base = BUILT_IN[primaryLanguage(locale)] ?? en
  return overrides ? { ...base, ...overrides } : base
}

/** Writing direction of `locale`. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(primaryLanguage(locale)) ? 'rtl' : 'ltr'
}
