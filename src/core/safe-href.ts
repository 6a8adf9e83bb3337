// Whitespace and control characters are stripped first because browsers ignore them inside a scheme
// ("java\tscript:" still runs), so the check must see what the browser will see.
// eslint-disable-next-line no-control-regex
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007f-\u009f]/g
const SCHEME = /^([a-z][a-z0-9+.-]*):/i

/**
 * True when `href` is safe to render as a link: `http:`/`https:` absolute URLs, or relative URLs
 * (`/path`, `path`, `?q`, `#hash`). Protocol-relative `//host` and every other scheme are rejected.
 */
export function isSafeHref(href: string): boolean {
  const cleaned = href.replace(IGNORED_BY_BROWSERS, '').toLowerCase()
  if (cleaned === '') return false
  if (cleaned.startsWith('//') || cleaned.startsWith('\\\\') || cleaned.startsWith('/\\') || cleaned.startsWith('\\/')) return false
  const scheme = SCHEME.exec(cleaned)
  if (!scheme) return true
  return scheme[1] === 'http' || scheme[1] === 'https'
}
