import { primaryLanguage } from './locale-tables'

// German is not re-exported here: it has its own door (./de, package export `cairn/locales/de`) and is
// loaded with import() when a provider asks for it.
export { en } from './en'
export { enCelebrationMessages } from './en-celebrations'
export type { CairnMessages, CelebrationMessages, StepPhase } from './types'
export { getFormatters, type Formatters } from './format'
export { coversAll, primaryLanguage, useLocaleTables, type LocaleTables } from './locale-tables'

/** Languages written right to left (primary subtags); `dir` follows the locale unless set explicitly. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug'])

/** `base` with `overrides` laid over it. */
export function withOverrides<T extends object>(base: T, overrides: Partial<T> | undefined): T {
  return overrides ? { ...base, ...overrides } : base
}

/** Writing direction of `locale`. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(primaryLanguage(locale)) ? 'rtl' : 'ltr'
}
