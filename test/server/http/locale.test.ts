import type { Digest, MeProgress, Program } from '../../../src/core'
import { createUserToken, type CairnServer } from '../../../src/server'
import { acceptedLanguages } from '../../../src/server/http/accept-language'
import { event, NOW, postEvents, SECRET, startServer, tokenFor, uniqueUser } from './harness'

let server: CairnServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

const get = (path: string, token: string, headers: Record<string, string> = {}) =>
  Promise.resolve(server.app.request(path, { headers: { Authorization: `Bearer ${token}`, ...headers } }))

describe('program text in the reader\'s language', () => {
  it('answers GET /v1/program in the token\'s locale, with its own ETag and Content-Language', async () => {
    const response = await get('/v1/program', await tokenFor(uniqueUser(), { locale: 'de' }))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Language')).toBe('de')
    expect(response.headers.get('ETag')).toBe('"1;de"')
    const program = (await response.json()) as Program
    expect(program.title).toBe('Hol das Beste aus Taskly heraus')
    expect(program.milestones[0]).toMatchObject({ title: 'Lege dein erstes Projekt an', cta: { label: 'Projekt anlegen', href: '/projects/new' } })
    expect(program.levels[0]?.title).toBe('Erste Schritte')
  })

  it('uses Accept-Language when the token names no locale, matching a region to its language', async () => {
    const token = await tokenFor(uniqueUser())
    const german = await get('/v1/program', token, { 'Accept-Language': 'fr-CH;q=0.9, de-AT, en;q=0.5' })
    expect(german.headers.get('Content-Language')).toBe('de')
    expect(german.headers.get('Vary')).toContain('Accept-Language')
    expect(((await german.json()) as Program).levels[0]?.title).toBe('Erste Schritte')
  })

  it('lets the token\'s claim win over Accept-Language, and falls back to English for a language the program lacks', async () => {
    const claimed = await get('/v1/program', await tokenFor(uniqueUser(), { locale: 'en' }), { 'Accept-Language': 'de' })
    expect(((await claimed.json()) as Program).levels[0]?.title).toBe('Getting started')
    const french = await get('/v1/program', await tokenFor(uniqueUser()), { 'Accept-Language': 'fr' })
    expect(french.headers.get('Content-Language')).toBe('en')
    expect(french.headers.get('ETag')).toBe('"1"')
  })

  it('revalidates per language: an English ETag never answers a German reader with 304', async () => {
    const token = await tokenFor(uniqueUser(), { locale: 'de' })
    expect((await get('/v1/program', token, { 'If-None-Match': '"1"' })).status).toBe(200)
    expect((await get('/v1/program', token, { 'If-None-Match': '"1;de"' })).status).toBe(304)
  })

  it('words next steps and celebrations of GET /v1/me/progress in the reader\'s language', async () => {
    const userId = uniqueUser()
    await postEvents(server, [event(userId, 'project_created')])
    const german = (await (await get('/v1/me/progress', await tokenFor(userId, { locale: 'de-DE' }))).json()) as MeProgress
    expect(german.nextSteps.map((s) => s.title)).toContain('Füge 5 Aufgaben hinzu')
    expect(german.celebrations.find((c) => c.refId === 'first-project')?.title).toBe('Lege dein erstes Projekt an')
    const english = (await (await get('/v1/me/progress', await tokenFor(userId))).json()) as MeProgress
    expect(english.celebrations.find((c) => c.refId === 'first-project')?.title).toBe('Create your first project')
    expect({ ...german, nextSteps: [], celebrations: [] }).toEqual({ ...english, nextSteps: [], celebrations: [] })
  })

  it('words the digest in the reader\'s language', async () => {
    const userId = uniqueUser()
    await postEvents(server, [event(userId, 'project_created')])
    const response = await get('/v1/me/digest?period=week', await tokenFor(userId), { 'Accept-Language': 'de' })
    const digest = (await response.json()) as Digest
    expect(digest.achieved.map((a) => a.title)).toContain('Lege dein erstes Projekt an')
  })

  it('refuses to mint a token whose locale is not a locale tag', async () => {
    await expect(createUserToken({ secret: SECRET, userId: 'u', signedUpAt: NOW, locale: 'de_DE' })).rejects.toThrow(/locale/)
  })
})

describe('acceptedLanguages', () => {
  it('orders ranges by quality, then header order, leaving out *, q=0 and malformed ranges', () => {
    expect(acceptedLanguages('en;q=0.5, de-AT, *, fr;q=0, x_y, pt-BR;q=0.9')).toEqual(['de-AT', 'pt-BR', 'en'])
    expect(acceptedLanguages(undefined)).toEqual([])
  })
})
