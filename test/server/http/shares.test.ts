// Public share links (DESIGN §7.5): created only for one's own achievements, unguessable, revocable, and the
// public page shows the achievement, the product and an optional first name — never ids or emails.
import type { LocalizedProgram } from '../../../src/core'
import type { CairnServer } from '../../../src/server'
import { bearer, errorOf, event, postEvents, startServer, tokenFor, uniqueUser } from './harness'

const HOSTILE_TITLE = '<script>alert("x")</script> & "Ship" it'
const program: LocalizedProgram = {
  id: 'share-test',
  version: '1',
  title: 'Share test',
  milestones: [
    { id: 'first', title: HOSTILE_TITLE, category: 'onboarding', criterion: { kind: 'count', event: 'created', atLeast: 1 }, badge: 'starter' },
    { id: 'second', title: 'Finish 3 tasks', category: 'adoption', criterion: { kind: 'count', event: 'finished', atLeast: 3 } },
  ],
  levels: [
    { id: 'one', title: 'Getting started', milestones: ['first'] },
    { id: 'two', title: 'Power user', milestones: ['second'] },
  ],
  badges: [{ id: 'starter', title: 'Starter' }],
  sharing: { enabled: true, productName: 'Taskly & Co', productUrl: 'https://taskly.example/?a=1&b=2' },
}

let server: CairnServer
let off: CairnServer
beforeAll(async () => {
  ;[server, off] = await Promise.all([startServer({ program }), startServer({ program: { ...program, id: 'share-off', sharing: { enabled: false, productName: 'Taskly' } } })])
})
afterAll(() => Promise.all([server.close(), off.close()]))

/** A user (with an email-like id and an account) who has achieved milestone `first`, level `one` and badge `starter`. */
async function achiever(): Promise<{ userId: string; token: string }> {
  const userId = `${uniqueUser('alex')}@example.com`
  expect((await postEvents(server, [event(userId, 'created', { accountId: 'acct-secret-42' })])).status).toBe(202)
  return { userId, token: await tokenFor(userId, { accountId: 'acct-secret-42' }) }
}

function share(target: CairnServer, token: string, body: unknown): Promise<Response> {
  return Promise.resolve(target.app.request('/v1/me/shares', { method: 'POST', headers: bearer(token), body: JSON.stringify(body) }))
}

async function created(token: string, body: unknown): Promise<{ id: string; url: string }> {
  const response = await share(server, token, body)
  expect(response.status).toBe(201)
  return (await response.json()) as { id: string; url: string }
}

describe('POST /v1/me/shares', () => {
  it('creates an unguessable link for an achieved milestone, a completed level and an earned badge', async () => {
    const { token } = await achiever()
    const ids = new Set<string>()
    for (const [kind, refId] of [['milestone', 'first'], ['level', 'one'], ['badge', 'starter']] as const) {
      const body = await created(token, { kind, refId })
      expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/) // 128 random bits, base64url
      expect(body.url).toBe(`http://localhost/s/${body.id}`)
      ids.add(body.id)
    }
    expect(ids.size).toBe(3)
  })

  it('hands back the live link for the same achievement and first name (a second click, or a retry after a lost response)', async () => {
    const { token } = await achiever()
    const first = await created(token, { kind: 'badge', refId: 'starter', firstName: 'Alex' })
    const again = await share(server, token, { kind: 'badge', refId: 'starter', firstName: ' Alex ' })
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual(first)
    // Another first name is another page; so is sharing after the link was removed.
    const anonymous = await created(token, { kind: 'badge', refId: 'starter' })
    expect(anonymous.id).not.toBe(first.id)
    expect((await share(server, token, { kind: 'badge', refId: 'starter', firstName: '' })).status).toBe(200)
    expect((await server.app.request(`/v1/me/shares/${first.id}`, { method: 'DELETE', headers: bearer(token) })).status).toBe(204)
    const fresh = await created(token, { kind: 'badge', refId: 'starter', firstName: 'Alex' })
    expect(fresh.id).not.toBe(first.id)
  })

  it('builds links from the configured public URL, not from a Host header the caller chose', async () => {
    const pinned = await startServer({ program: { ...program, id: 'share-pinned' }, publicUrl: 'https://progress.example.com/cairn/' })
    try {
      const userId = uniqueUser()
      expect((await postEvents(pinned, [event(userId, 'created')])).status).toBe(202)
      const response = await pinned.app.request('http://evil.example/v1/me/shares', {
        method: 'POST',
        headers: { ...bearer(await tokenFor(userId)), Host: 'evil.example' },
        body: JSON.stringify({ kind: 'milestone', refId: 'first' }),
      })
      expect(response.status).toBe(201)
      const { id, url } = (await response.json()) as { id: string; url: string }
      expect(url).toBe(`https://progress.example.com/cairn/s/${id}`)
      const page = await (await pinned.app.request(`http://evil.example/s/${id}`)).text()
      expect(page).toContain(`<meta property="og:url" content="https://progress.example.com/cairn/s/${id}">`)
      expect(page).not.toContain('evil.example')
    } finally {
      await pinned.close()
    }
  })

  it('refuses what this user has not achieved or earned (409), even when someone else has', async () => {
    await achiever()
    const token = await tokenFor(uniqueUser())
    for (const [kind, refId] of [['milestone', 'first'], ['level', 'one'], ['badge', 'starter'], ['level', 'two']] as const) {
      const response = await share(server, token, { kind, refId })
      expect(response.status).toBe(409)
      expect((await errorOf(response)).code).toBe('not_achieved')
    }
  })

  it('answers 403 sharing_disabled when the program does not enable sharing', async () => {
    const userId = uniqueUser()
    await postEvents(off, [event(userId, 'created')])
    const response = await share(off, await tokenFor(userId), { kind: 'milestone', refId: 'first' })
    expect(response.status).toBe(403)
    expect((await errorOf(response)).code).toBe('sharing_disabled')
  })

  it('names each bad field: kind, unknown refId, a long or malformed first name, extra keys', async () => {
    const { token } = await achiever()
    const cases: [unknown, string][] = [
      [{ kind: 'user', refId: 'first' }, 'kind'],
      [{ kind: 'milestone', refId: 'nope' }, 'refId'],
      [{ kind: 'badge', refId: 'first' }, 'refId'],
      [{ kind: 'milestone', refId: 'first', firstName: 'A'.repeat(41) }, 'firstName'],
      [{ kind: 'milestone', refId: 'first', firstName: 'https://spam.example' }, 'firstName'],
      [{ kind: 'milestone', refId: 'first', firstName: '<b>Al</b>' }, 'firstName'],
      [{ kind: 'milestone', refId: 'first', userId: 'someone' }, ''],
    ]
    for (const [body, path] of cases) {
      const response = await share(server, token, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      const error = await errorOf(response)
      expect(error.code).toBe('invalid_body')
      expect(JSON.stringify(error.details)).toContain(`"path":"${path}"`)
    }
    expect((await share(server, token, { kind: 'milestone', refId: 'first', firstName: 'A'.repeat(40) })).status).toBe(201)
    expect((await share(server, token, { kind: 'milestone', refId: 'first', firstName: "Zoë O'Neil-Ånström" })).status).toBe(201)
  })

  it('needs a user token', async () => {
    const response = await server.app.request('/v1/me/shares', { method: 'POST', body: JSON.stringify({ kind: 'milestone', refId: 'first' }) })
    expect(response.status).toBe(401)
  })
})

describe('GET /s/{id}', () => {
  it('is a public, escaped page with Open Graph and Twitter tags, and never the user id, email or account id', async () => {
    const { userId, token } = await achiever()
    const { id, url } = await created(token, { kind: 'milestone', refId: 'first', firstName: ' Alex ' })
    const response = await server.app.request(`/s/${id}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    expect(response.headers.get('content-security-policy')).not.toMatch(/script-src|unsafe/)
    const html = await response.text()
    expect(html).toMatch(/<html lang="en">/)
    expect(html).toContain('<title>Alex achieved “&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Ship&quot; it” in Taskly &amp; Co</title>')
    expect(html).not.toContain('<script')
    expect(html).toContain(`<meta property="og:url" content="${url}">`)
    expect(html).toContain(`<meta property="og:image" content="${url}.svg">`)
    expect(html).toMatch(/<meta property="og:title" content="Alex achieved [^"]+ in Taskly &amp; Co">/)
    expect(html).toMatch(/<meta property="og:description" content="[^"]+">/)
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">')
    expect(html).toMatch(/<h1>&lt;script&gt;/)
    expect(html).toContain(`<img src="${id}.svg" alt="Milestone achieved: &lt;script&gt;`)
    expect(html).toContain('<a href="https://taskly.example/?a=1&amp;b=2">Visit Taskly &amp; Co</a>')
    for (const secret of [userId, userId.split('@')[0]!, '@example.com', 'acct-secret-42']) expect(html).not.toContain(secret)
  })

  it('serves the image as escaped SVG, with no user id, email or account id', async () => {
    const { userId, token } = await achiever()
    const { id } = await created(token, { kind: 'level', refId: 'one' })
    const response = await server.app.request(`/s/${id}.svg`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/)
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    const svg = await response.text()
    expect(svg).toContain('Getting started')
    expect(svg).toContain('Taskly &amp; Co')
    for (const secret of [userId, 'acct-secret-42', '<script']) expect(svg).not.toContain(secret)

    const milestone = await created(token, { kind: 'milestone', refId: 'first' })
    const escaped = await (await server.app.request(`/s/${milestone.id}.svg`)).text()
    expect(escaped).toContain('&lt;script&gt;')
    expect(escaped).not.toContain('<script')
  })

  it('answers 404 for an unknown or malformed id, page and image alike', async () => {
    for (const path of ['/s/AAAAAAAAAAAAAAAAAAAAAA', '/s/short', '/s/%3Cb%3E']) {
      const response = await server.app.request(path)
      expect(response.status, path).toBe(404)
      expect(await response.text()).toContain('Share not found')
    }
    expect((await server.app.request('/s/AAAAAAAAAAAAAAAAAAAAAA.svg')).status).toBe(404)
  })
})

describe('DELETE /v1/me/shares/{id}', () => {
  it('lets only the owner revoke; the page and image then answer 410', async () => {
    const { token } = await achiever()
    const { id } = await created(token, { kind: 'badge', refId: 'starter', firstName: 'Alex' })
    const other = await tokenFor(uniqueUser())
    const remove = (t: string, shareId = id) => server.app.request(`/v1/me/shares/${shareId}`, { method: 'DELETE', headers: bearer(t) })

    const stranger = await remove(other)
    expect(stranger.status).toBe(404)
    expect((await errorOf(stranger)).code).toBe('not_found')
    expect((await server.app.request(`/s/${id}`)).status).toBe(200)
    expect((await remove(token, 'AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404)

    expect((await remove(token)).status).toBe(204)
    const page = await server.app.request(`/s/${id}`)
    expect(page.status).toBe(410)
    const html = await page.text()
    expect(html).toContain('This share was removed')
    expect(html).not.toContain('Alex')
    expect((await server.app.request(`/s/${id}.svg`)).status).toBe(410)
  })
})
