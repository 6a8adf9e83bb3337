/** Programs are usually authored in English first, so it is the fallback when nothing closer exists. */
export const FALLBACK_LOCALE = 'en'

/**
 * The best of `available` for a `requested` locale, by RFC 4647 lookup: the exact tag, then the tag with
 * subtags dropped from the end (`de-AT` → `de`), then any tag of the same language (`de` → `de-DE`).
 * Case-insensitive; `undefined` when nothing shares the language (the caller falls back).
 */
export function matchLocale(available: readonly string[], requested: string | undefined): string | undefined {
  if (!requested) return undefined
  const byLower = new Map(available.map((tag) => [tag.toLowerCase(), tag]))
  const parts = requested.toLowerCase().split('-')
  for (let length = parts.length; length > 0; length--) {
    const found = byLower.get(parts.slice(0, length).join('-'))
    if (found !== undefined) return found
  }
  const language = parts[0]
  return available.find((tag) => tag.toLowerCase().split('-')[0] === language)
}

/**
 * The locale text is resolved in: the best match for `requested`, else English, else the first available
 * (the program's first written language).
 */
export function resolveLocale(available: readonly string[], requested: string | undefined): string | undefined {
  return matchLocale(available, requested) ?? matchLocale(available, FALLBACK_LOCALE) ?? available[0]
}
