import * as z from 'zod/mini'

/**
 * The shape of a BCP 47 language tag: a 2–3 letter language, then subtags ("de", "pt-BR", "zh-Hant-TW").
 * Checked by shape, not against a registry, so a program never fails to load on a new region code.
 */
export const LOCALE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/

/** A locale tag such as `"en"`, `"de"` or `"pt-BR"` (used as a key of a locale map and as the token's `locale` claim). */
export const LocaleTagSchema = z.string().check(
  z.maxLength(35, 'must be at most 35 characters'),
  z.regex(LOCALE_TAG, 'is not a locale tag such as "en", "de" or "pt-BR"'),
)

/** Program text written per locale: `{ "en": "Add 5 tasks", "de": "Lege 5 Aufgaben an" }`. */
export type LocaleMap = Record<string, string>
/** Program text: one string for every locale, or a string per locale. */
export type LocalizedText = string | LocaleMap

const LOCALIZED_TEXT_HINT = 'must be text or a map from locale to text, such as { "en": "…", "de": "…" }'

/**
 * Program text that may be localised: the plain `value` schema, or a non-empty map from locale tag to `value`.
 * Both branches appear in the generated JSON Schema (`anyOf`), so editors can complete either form.
 */
export function localizedText(value: z.ZodMiniString<string>) {
  return z.union(
    [
      value,
      z.record(LocaleTagSchema, value).check(z.refine((map) => Object.keys(map).length > 0, 'must name at least one locale')),
    ],
    { error: LOCALIZED_TEXT_HINT },
  )
}

type IsLocaleMap<T> = [T] extends [LocaleMap] ? ([LocaleMap] extends [T] ? true : false) : false

/**
 * A program type with every localised text resolved to a plain string (what `localizeProgram` returns):
 * the engine, the API responses and the widget only ever see plain strings.
 */
export type Resolved<T> = T extends string | number | boolean | null | undefined
  ? T
  : IsLocaleMap<T> extends true
    ? string
    : T extends readonly (infer U)[]
      ? Resolved<U>[]
      : { [K in keyof T]: Resolved<T[K]> }
