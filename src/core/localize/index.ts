export { localizeProgram, localizeText, programLocales } from './localize-program'
export { localizeProgress } from './localize-progress'
export { matchLocale, resolveLocale, FALLBACK_LOCALE } from './match-locale'
