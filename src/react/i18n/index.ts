import { primaryLanguage } from './locale-tables'

// German is not re-exported here: it has its own door (./de, package export `cairn/locales/de`) and is
// loaded with import() when a provider asks for it. English celebration strings (./en-celebrations) are imported
// by the lazy celebration chunk alone, so the barrel leaves them out too.
export { en } from './en-all'
export type { CairnMessages, CelebrationMessages, HistoryMessages, ProviderMessages, StepPhase } from './types'
export { getFormatters, type Formatters } from './format'
export { coversAll, primaryLanguage, useLocaleTables, withOverrides, type LocaleTables } from './locale-tables'

/** Languages written right to left (primary subtags); `dir` follows the locale unless set explicitly. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug'])

/** Writing direction of `locale`. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(primaryLanguage(locale)) ? 'rtl' : 'ltr'
}
