import { programJsonSchema } from '../../core'
import { requestLocale, setContentLanguage } from '../http/accept-language'
import type { RouteDeps } from './route-deps'

/**
 * `GET /v1/program`: the active program version with its text in the reader's language (token `locale` claim,
 * else `Accept-Language`), revalidated cheaply through its version as ETag — `"<version>"` in the default
 * language, `"<version>;<locale>"` in any other, so a cached copy in one language never answers another.
 */
export function registerProgramRoute({ app, service, guards }: RouteDeps): void {
  app.get('/v1/program', guards.userReadOnly, async (c) => {
    // Another process may have activated a version: a widget holding the old one gets the new one here.
    await service.currentProgram()
    const locale = requestLocale(c, service)
    const program = service.programIn(locale)
    const defaultLocale = service.programLocale([])
    const tag = locale === defaultLocale ? program.version : `${program.version};${locale}`
    const etag = `"${toEtagCharacters(tag)}"`
    c.header('ETag', etag)
    c.header('Cache-Control', 'private, no-cache')
    setContentLanguage(c, locale)
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304)
    return c.json(program)
  })

  // `GET /v1/program.schema.json`: the JSON Schema of a program file, public like any documentation.
  let schema: Record<string, unknown> | undefined
  app.get('/v1/program.schema.json', (c) => {
    c.header('Cache-Control', 'public, max-age=3600')
    return c.json((schema ??= programJsonSchema()))
  })
}

/** ETag values may not contain quotes, spaces or control characters; anything else is kept as written. */
function toEtagCharacters(version: string): string {
  return version.replace(/[^\x21\x23-\x7e]/g, (ch) => encodeURIComponent(ch))
}

/** `If-None-Match` may list several tags, weak ones (`W/"1"`) or `*`; any match means "not modified". */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((tag) => {
    const trimmed = tag.trim()
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag
  })
}
