import type { ShareKind, ShareLink, ShareOptions } from '../source'
import type { Check, obj, refine, str, text, validate } from '../validate'
import type { HttpClient } from './request'

// Share links (DESIGN §7.5): create and revoke, for `httpSource`. Loaded with import() on the first share or
// revoke, so a page that never shares never downloads it. It imports nothing at run time: the client and the
// check builders come in as a kit, since a shared import would put a shared chunk in every first load.

/** What the share requests borrow from the always loaded client. */
export interface ShareKit {
  client: HttpClient
  check: { obj: typeof obj; refine: typeof refine; str: typeof str; text: typeof text; validate: typeof validate }
}

/** An absolute http(s) URL: the link is handed to other sites (LinkedIn, X) and to the share sheet as it is. */
const isHttpUrl = (value: string) => /^https?:\/\/[^/?#\s]+/i.test(value)

/** `POST /v1/me/shares` → `{ id, url }`. */
function validateShareLink({ check: { obj, refine, str, text, validate } }: ShareKit, body: unknown): ShareLink {
  const shareLink: Check<ShareLink> = obj({ id: text, url: refine(str, isHttpUrl, 'must be an absolute http(s) URL') })
  return validate(shareLink, body, 'The server sent an invalid share link')
}

/** Creates a share link; a blank first name is no name, so it never leaves the browser. */
export async function createShare(kit: ShareKit, kind: ShareKind, refId: string, { firstName, signal }: ShareOptions = {}): Promise<ShareLink> {
  const name = firstName?.trim()
  const body = { kind, refId, ...(name && { firstName: name }) }
  return validateShareLink(kit, (await kit.client.request('/v1/me/shares', { method: 'POST', body, ...(signal && { signal }) })).body)
}

/** Revokes a share link; someone else's or an unknown one is a 404 `CairnError`. */
export async function revokeShare(kit: ShareKit, id: string): Promise<void> {
  await kit.client.request(`/v1/me/shares/${encodeURIComponent(id)}`, { method: 'DELETE' })
}
