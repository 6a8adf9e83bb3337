import { createHash } from 'node:crypto'
import type { Sharing } from '../../core'
import type { StoredShare } from '../storage'

/** Size of the share image, the Open Graph "large image" shape. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const

/** Escapes text for HTML and XML, in text and in quoted attributes alike. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** The words a share is shown with. Only the achievement, the product and the optional first name: never ids or emails. */
export interface ShareText {
  /** "Milestone achieved" */
  kicker: string
  /** The achievement's name. */
  title: string
  /** One sentence for titles and previews: `Alex reached the level “Pro” in Taskly`. */
  headline: string
  description: string
  imageAlt: string
}

export function shareText(share: StoredShare, sharing: Sharing): ShareText {
  const product = sharing.productName
  const quoted = `“${share.title}”`
  const who = share.firstName
  const headline = {
    milestone: who ? `${who} achieved ${quoted} in ${product}` : `${quoted} achieved in ${product}`,
    level: who ? `${who} reached the level ${quoted} in ${product}` : `Level ${quoted} reached in ${product}`,
    badge: who ? `${who} earned the ${quoted} badge in ${product}` : `The ${quoted} badge earned in ${product}`,
  }[share.kind]
  const kicker = { milestone: 'Milestone achieved', level: 'Level reached', badge: 'Badge earned' }[share.kind]
  return {
    kicker,
    title: share.title,
    headline,
    description: `${kicker} in ${product}, shared ${who ? `by ${who}` : 'from the app'}.`,
    imageAlt: `${kicker}: ${share.title} — ${product}`,
  }
}

const STYLE = [
  'body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f8fafc;color:#0f172a}',
  'main{max-width:40rem;margin:0 auto;padding:3rem 1.5rem;line-height:1.5}',
  '.kicker{margin:0;color:#334155;font-weight:600;text-transform:uppercase;letter-spacing:.05em;font-size:.875rem}',
  'h1{margin:.25rem 0 1rem;font-size:2rem;line-height:1.2}',
  'img{display:block;width:100%;height:auto;border-radius:.75rem;margin:1.5rem 0}',
  'a{color:#1d4ed8}',
].join('')

/** Only this exact stylesheet may run: no scripts, no other origins. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`
export const SHARE_PAGE_CSP = `default-src 'none'; img-src 'self'; style-src ${STYLE_HASH}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`
/** The image carries no scripts or styles and loads nothing. */
export const SHARE_IMAGE_CSP = "default-src 'none'; style-src 'none'; frame-ancestors 'none'"

function page(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeMarkup(title)}</title>
${head}<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`
}

/**
 * The public page of one share, with Open Graph and Twitter card tags; `pageUrl` and `imageUrl` are absolute (for
 * crawlers), `imagePath` is what the page itself loads (relative to the page, so it works behind any host or path prefix).
 */
export function renderSharePage(share: StoredShare, sharing: Sharing, urls: { pageUrl: string; imageUrl: string; imagePath: string }): string {
  const text = shareText(share, sharing)
  const meta = (attr: 'name' | 'property', key: string, value: string) => `<meta ${attr}="${key}" content="${escapeMarkup(value)}">\n`
  // Open Graph and Twitter cards describe the same card; only their key prefixes differ.
  const card: [string, string][] = [['title', text.headline], ['description', text.description], ['image', urls.imageUrl], ['image:alt', text.imageAlt]]
  const head = [
    meta('name', 'description', text.description),
    meta('property', 'og:type', 'website'),
    meta('property', 'og:site_name', sharing.productName),
    meta('property', 'og:url', urls.pageUrl),
    meta('property', 'og:image:type', 'image/svg+xml'),
    meta('property', 'og:image:width', String(SHARE_IMAGE_SIZE.width)),
    meta('property', 'og:image:height', String(SHARE_IMAGE_SIZE.height)),
    ...card.map(([key, value]) => meta('property', `og:${key}`, value)),
    meta('name', 'twitter:card', 'summary_large_image'),
    ...card.map(([key, value]) => meta('name', `twitter:${key}`, value)),
  ].join('')
  const link = sharing.productUrl ? `<p><a href="${escapeMarkup(sharing.productUrl)}">Visit ${escapeMarkup(sharing.productName)}</a></p>\n` : ''
  const body =
    `<p class="kicker">${escapeMarkup(text.kicker)}</p>\n<h1>${escapeMarkup(text.title)}</h1>\n<p>${escapeMarkup(text.headline)}.</p>\n` +
    `<img src="${escapeMarkup(urls.imagePath)}" alt="${escapeMarkup(text.imageAlt)}" width="${SHARE_IMAGE_SIZE.width}" height="${SHARE_IMAGE_SIZE.height}">\n${link}`
  return page(text.headline, head, body)
}

/** The page for a share that is gone (410) or never existed (404): says so, and nothing about anyone. */
export function renderMissingPage(status: 404 | 410): string {
  const [title, line] =
    status === 410
      ? ['This share was removed', 'The person who shared this achievement has taken it down.']
      : ['Share not found', 'There is no shared achievement at this address. Check that the link is complete.']
  return page(title, '', `<h1>${title}</h1>\n<p>${line}</p>`)
}

/** Splits text into at most `maxLines` lines of about `width` characters, ending with "…" when cut. */
function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const chunk = word.length > width ? `${word.slice(0, width - 1)}…` : word
    if (line && line.length + 1 + chunk.length > width) {
      lines.push(line)
      line = chunk
    } else line = line ? `${line} ${chunk}` : chunk
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1)}…`
  return kept
}

/** The share image: kicker, achievement, who and product, as SVG (text escaped; no scripts, no external resources). */
export function renderShareImage(share: StoredShare, sharing: Sharing): string {
  const text = shareText(share, sharing)
  const { width, height } = SHARE_IMAGE_SIZE
  const titleLines = wrap(text.title, 30, 3)
  const tspans = titleLines.map((l, i) => `<tspan x="80" dy="${i === 0 ? 0 : 76}">${escapeMarkup(l)}</tspan>`).join('')
  const byline = share.firstName ? `${share.firstName} · ${sharing.productName}` : sharing.productName
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeMarkup(text.imageAlt)}">
<title>${escapeMarkup(text.imageAlt)}</title>
<rect width="${width}" height="${height}" fill="#0f172a"/>
<rect x="0" y="0" width="16" height="${height}" fill="#38bdf8"/>
<g font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" fill="#ffffff">
<text x="80" y="140" font-size="36" font-weight="600" fill="#bae6fd">${escapeMarkup(text.kicker.toUpperCase())}</text>
<text x="80" y="250" font-size="64" font-weight="700">${tspans}</text>
<text x="80" y="560" font-size="36" fill="#e2e8f0">${escapeMarkup(wrap(byline, 50, 1)[0] ?? '')}</text>
</g>
</svg>
`
}
