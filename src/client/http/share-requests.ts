// Share links (DESIGN §7.5): create and revoke, for `httpSource`.
import { obj, refine, str, text, validate, type Check } from '../validate'
import type { ShareKind, ShareLink, ShareOptions } from '../source'
import type { HttpClient } from './request'

/** An absolute http(s) URL: the link is handed to other sites (LinkedIn, X) and to the share sheet as it is. */
const isHttpUrl = (value: string) => /^https?:\/\/[^/?#\s]+/i.test(value)

const shareLinkCheck: Check<ShareLink> = obj({ id: text, url: refine(str, isHttpUrl, 'must be an absolute http(s) URL') })

/** `POST /v1/me/shares` → `{ id, url }`. */
export const validateShareLink = (body: unknown): ShareLink => validate(shareLinkCheck, body, 'The server sent an invalid share link')

/** Creates a share link; a blank first name is no name, so it never leaves the browser. */
export async function createShare(client: HttpClient, kind: ShareKind, refId: string, { firstName, signal }: ShareOptions = {}): Promise<ShareLink> {
  const name = firstName?.trim()
  const body = { kind, refId, ...(name && { firstName: name }) }
  return validateShareLink((await client.request('/v1/me/shares', { method: 'POST', body, ...(signal && { signal }) })).body)
}

/** Revokes a share link; someone else's or an unknown one is a 404 `CairnError`. */
export async function revokeShare(client: HttpClient, id: string): Promise<void> {
  await client.request(`/v1/me/shares/${encodeURIComponent(id)}`, { method: 'DELETE' })
}
