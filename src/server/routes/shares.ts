import type { Context } from 'hono'
import { DEFAULT_BODY_LIMIT_BYTES, limitBody } from '../http/body-limits'
import { ApiError } from '../http/errors'
import { readJson } from '../http/json-body'
import { renderMissingPage, renderShareImage, renderSharePage, SHARE_IMAGE_CSP, SHARE_PAGE_CSP } from '../http/share-page'
import type { RouteDeps } from './route-deps'

/** Share pages change only when revoked; a short cache lets revocation show within a minute. */
const PUBLIC_CACHE = 'public, max-age=60'

/** Public share links (DESIGN §7.5): the user creates and revokes them; anyone with the link sees the page and image. */
export function registerShareRoutes(deps: RouteDeps): void {
  const { app, service, now, guards, publicUrl } = deps
  const origin = (c: Context) => publicUrl ?? new URL(c.req.url).origin

  app.post('/v1/me/shares', guards.user, limitBody(DEFAULT_BODY_LIMIT_BYTES), async (c) => {
    const outcome = await service.shares.create(c.get('user').userId, await readJson(c), now())
    if (!outcome.ok && outcome.reason === 'sharing_disabled') {
      throw new ApiError(403, 'sharing_disabled', 'Sharing is not enabled for this program.')
    }
    if (!outcome.ok) throw new ApiError(409, 'not_achieved', 'Only something this user has achieved or earned can be shared.')
    const { id } = outcome.share
    // 200 when the same live link is handed back (a second click, or a retry after a lost response).
    return c.json({ id, url: `${origin(c)}/s/${id}` }, outcome.created ? 201 : 200)
  })

  app.delete('/v1/me/shares/:id', guards.user, async (c) => {
    const revoked = await service.shares.revoke(c.get('user').userId, c.req.param('id') ?? '', now())
    if (!revoked) throw new ApiError(404, 'not_found', 'No such share for this user.')
    return c.body(null, 204)
  })

  // One route for the page and its image: `/s/{id}` and `/s/{id}.svg` (a path segment cannot hold both as params).
  app.get('/s/:id', async (c) => {
    const param = c.req.param('id') ?? ''
    const image = param.endsWith('.svg')
    const id = image ? param.slice(0, -'.svg'.length) : param
    const share = await service.shares.find(id)
    const sharing = service.program.sharing
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Robots-Tag', 'noindex')
    // Revoked, or the program stopped sharing since: gone either way.
    const status = share === undefined ? 404 : share.revokedAt !== undefined || sharing?.enabled !== true ? 410 : 200
    if (image) {
      if (status !== 200 || !share || !sharing) {
        throw new ApiError(status === 404 ? 404 : 410, status === 404 ? 'not_found' : 'gone', status === 404 ? 'No such share.' : 'This share was removed.')
      }
      c.header('Content-Security-Policy', SHARE_IMAGE_CSP)
      c.header('Cache-Control', PUBLIC_CACHE)
      return c.body(renderShareImage(share, sharing), 200, { 'Content-Type': 'image/svg+xml; charset=utf-8' })
    }
    c.header('Content-Security-Policy', SHARE_PAGE_CSP)
    if (status !== 200 || !share || !sharing) {
      c.header('Cache-Control', 'no-store')
      return c.html(renderMissingPage(status === 404 ? 404 : 410), status === 404 ? 404 : 410)
    }
    c.header('Cache-Control', PUBLIC_CACHE)
    const pageUrl = `${origin(c)}/s/${share.id}`
    return c.html(renderSharePage(share, sharing, { pageUrl, imageUrl: `${pageUrl}.svg`, imagePath: `${share.id}.svg` }))
  })
}
