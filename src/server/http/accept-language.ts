import type { Context } from 'hono'
import { LOCALE_TAG } from '../../core'
import type { AppEnv } from './app-env'
import type { CairnService } from '../service-types'

/** A header longer than any browser sends is read only this far (a cheap guard against abuse). */
const MAX_RANGES = 20

/**
 * The language ranges of an `Accept-Language` header, most preferred first (`q` descending, then header
 * order); `*`, malformed ranges and `q=0` are left out.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return []
  const ranges = header.split(',').slice(0, MAX_RANGES).flatMap((part, index) => {
    const [tag = '', ...params] = part.trim().split(';')
    const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    const quality = q === undefined ? 1 : Number(q)
    return LOCALE_TAG.test(tag) && quality > 0 ? [{ tag, quality, index }] : []
  })
  return ranges.sort((a, b) => b.quality - a.quality || a.index - b.index).map((r) => r.tag)
}

/**
 * The locale to answer a user request in: the token's `locale` claim when it carries one, else the
 * `Accept-Language` header, matched against the program's languages (see `CairnService.programLocale`).
 */
export function requestLocale(c: Context<AppEnv>, service: CairnService): string | undefined {
  const claim = c.get('user')?.locale
  return service.programLocale(claim !== undefined ? [claim] : acceptedLanguages(c.req.header('accept-language')))
}

/** Tells caches and clients which language the program text of a response is in. */
export function setContentLanguage(c: Context<AppEnv>, locale: string | undefined): void {
  c.header('Vary', 'Accept-Language', { append: true })
  if (locale !== undefined) c.header('Content-Language', locale)
}
