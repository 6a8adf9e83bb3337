import { lazyModule, useLazyModule, type LazyModule } from '../lazy-module'
import { enFirstLoad } from './en'
import type { CelebrationMessages, ProviderMessages } from './types'

/** One language's strings: the widget's and the celebration layer's. */
export interface LocaleTables {
  /** English holds the first load's strings only: each lazily loaded part brings its own English. */
  messages: ProviderMessages
  /** Absent for English: its celebration strings ship with the lazily loaded celebration chunk. */
  celebrations?: CelebrationMessages
}

const ENGLISH: LocaleTables = { messages: enFirstLoad }

/** Built-in languages besides English, each in its own chunk: an English page never downloads them. */
const LAZY_LANGUAGES = new Map<string, LazyModule<LocaleTables>>([
  ['de', lazyModule(() => import('./de').then((m) => ({ messages: m.de, celebrations: m.deCelebrationMessages })))],
])

/** `de` for `de-AT`; the key of the built-in tables. */
export function primaryLanguage(locale: string): string {
  return locale.split(/[-_]/)[0]?.toLowerCase() ?? 'en'
}

/**
 * True when `overrides` sets every string of `reference`, so the built-in table would add nothing. `beyond`
 * counts strings the table has and `reference` lacks (the lazy parts' strings, for the first-load English).
 */
export function coversAll(reference: object, overrides: object | undefined, beyond = 0): boolean {
  return overrides !== undefined && Object.keys(reference).every((key) => key in overrides) && Object.keys(overrides).length >= Object.keys(reference).length + beyond
}

/** `base` with `overrides` laid over it. */
export function withOverrides<T extends object>(base: T, overrides: Partial<T> | undefined): T {
  return overrides ? { ...base, ...overrides } : base
}

/**
 * The built-in tables for `locale` (English for languages without one); undefined while a lazily loaded
 * language is on its way. With `skip` (the host passed complete tables) nothing loads and English is the base.
 */
export function useLocaleTables(locale: string, skip = false): LocaleTables | undefined {
  const lazy = LAZY_LANGUAGES.get(primaryLanguage(locale))
  const tables = useLazyModule(lazy, !skip)
  // A language that failed to load falls back to English: better than a skeleton that never ends.
  const settled = !lazy || skip || lazy.state.failed
  return tables ?? (settled ? ENGLISH : undefined)
}
