import { localizeProgram, matchLocale, programLocales, resolveLocale, type LocalizedProgram, type Program } from '../../core'

/** A program's text in each language it is written in, resolved once per language. */
export interface ProgramTexts {
  /** Locales the program writes text in (empty when all its text is plain). */
  readonly locales: readonly string[]
  /** The program in its default language (English, else its first): what the engine evaluates. */
  readonly base: Program
  /**
   * The program locale for a reader's preferences, best first (token claim, or `Accept-Language` ranges):
   * the first preference the program has a match for, else English, else its first language; `undefined`
   * when the program has no per-locale text.
   */
  negotiate(preferences: readonly string[]): string | undefined
  /** The program in `locale` (a negotiated one, or any tag: it is matched the same way). */
  in(locale: string | undefined): Program
}

export function createProgramTexts(source: LocalizedProgram): ProgramTexts {
  const locales = programLocales(source)
  const base = localizeProgram(source)
  const byLocale = new Map<string, Program>()
  return {
    locales,
    base,
    negotiate(preferences) {
      if (locales.length === 0) return undefined
      for (const preference of preferences) {
        const match = matchLocale(locales, preference)
        if (match !== undefined) return match
      }
      return resolveLocale(locales, undefined)
    },
    in(locale) {
      const key = locale === undefined || locales.length === 0 ? undefined : resolveLocale(locales, locale)
      if (key === undefined) return base
      let program = byLocale.get(key)
      if (!program) byLocale.set(key, (program = localizeProgram(source, key)))
      return program
    },
  }
}
