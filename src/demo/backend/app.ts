import { randomBytes, randomUUID } from 'node:crypto'
import { Hono, type Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import * as z from 'zod/mini'
import type { Subject } from '../../core'
import { DEMO_ACTIONS, eventsForAction, teammateUserId } from './actions'
import { CairnApiError, type CairnApi } from './cairn-api'
import { createWebhookInbox } from './webhook-inbox'
import { PERSONA_IDS, freshSubject, type PersonaId } from './personas'
import { DEMO_LOCALES, SESSION_COOKIE, decodeSession, encodeSession, type DemoLocale, type DemoSession } from './session-cookie'

/** What the demo backend needs from its surroundings; everything secret stays on this side. */
export interface DemoBackendOptions {
  /** The Cairn API, called with the API key over HTTP. */
  api: CairnApi
  /** Mints a short-lived user token for a subject in the reader's language (wraps `createUserToken`). */
  mintToken: (subject: Subject, locale: DemoLocale) => Promise<string>
  /** The seeded subject behind a persona. */
  personaSubject: (persona: PersonaId) => Promise<Subject>
  /** Signs the demo session cookie. @default a random secret per process */
  cookieSecret?: string
  /** Clock, injectable for tests. @default () => new Date() */
  now?: () => Date
  /** Where Cairn can reach this backend's webhook receiver. @default none (the webhooks panel cannot register) */
  receiverUrl?: () => string
}

/** A year: the demo remembers which persona a browser plays until the visitor changes it. */
const COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60
const DEFAULT_PERSONA: PersonaId = 'new'

const SessionBody = z.object({ persona: z.optional(z.enum(PERSONA_IDS)), locale: z.optional(z.enum(DEMO_LOCALES)) })
const DEFAULT_LOCALE: DemoLocale = 'en'
const ActionBody = z.object({
  action: z.enum(DEMO_ACTIONS),
  properties: z.optional(z.record(z.string(), z.union([z.string().check(z.maxLength(100)), z.number(), z.boolean()]))),
})

function badRequest(c: Context, message: string) {
  return c.json({ error: { code: 'invalid_body', message } }, 400)
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json()
  } catch {
    return {}
  }
}

/**
 * The host product's own backend ("Taskly"), mounted under /demo-api. It holds the API key and the signing
 * secret, mints user tokens for the widget and reports usage events to Cairn, as a real product team would.
 */
export function createDemoBackend(options: DemoBackendOptions): Hono {
  const cookieSecret = options.cookieSecret ?? randomBytes(32).toString('base64url')
  const now = options.now ?? (() => new Date())
  const app = new Hono()

  function currentSession(c: Context): DemoSession | null {
    return decodeSession(getCookie(c, SESSION_COOKIE), cookieSecret)
  }

  async function respondWithSession(c: Context, session: DemoSession) {
    setCookie(c, SESSION_COOKIE, encodeSession(session, cookieSecret), {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: COOKIE_MAX_AGE_S,
    })
    const locale = session.locale ?? DEFAULT_LOCALE
    // The token carries the language, so the program text the API sends matches the widget's own strings.
    const token = await options.mintToken(session.subject, locale)
    const { userId, accountId, traits, signedUpAt } = session.subject
    return c.json({ token, persona: session.persona, locale, user: { userId, accountId, traits, signedUpAt } })
  }

  app.onError((error, c) => {
    if (error instanceof CairnApiError) {
      return c.json({ error: { code: 'cairn_api', message: error.message, details: error.body } }, 502)
    }
    return c.json({ error: { code: 'internal', message: 'The demo backend hit an unexpected problem.' } }, 500)
  })

  app.post('/session', async (c) => {
    const body = SessionBody.safeParse(await readJson(c))
    if (!body.success) return badRequest(c, `persona must be one of ${PERSONA_IDS.join(', ')}; locale one of ${DEMO_LOCALES.join(', ')}`)
    const existing = currentSession(c)
    const persona = body.data.persona ?? existing?.persona ?? DEFAULT_PERSONA
    const locale = body.data.locale ?? existing?.locale ?? DEFAULT_LOCALE
    // Keep the browser's own user (possibly a reset one) while it stays on the same persona.
    if (existing && existing.persona === persona) return respondWithSession(c, { ...existing, locale })
    return respondWithSession(c, { persona, locale, subject: await options.personaSubject(persona) })
  })

  app.post('/actions', async (c) => {
    const session = currentSession(c)
    if (!session) return c.json({ error: { code: 'no_session', message: 'Start a session first.' } }, 401)
    const body = ActionBody.safeParse(await readJson(c))
    if (!body.success) return badRequest(c, 'action must be one of ' + DEMO_ACTIONS.join(', '))
    const { action, properties } = body.data
    if (action === 'use_feature' && typeof properties?.feature !== 'string') return badRequest(c, 'use_feature needs properties.feature')
    if (action === 'connect_integration' && typeof properties?.integration !== 'string') {
      return badRequest(c, 'connect_integration needs properties.integration')
    }
    const { userId, accountId, signedUpAt } = session.subject
    let teammate: Record<string, string> | undefined
    if (action === 'join_teammate') {
      if (typeof properties?.email !== 'string' || !accountId) return badRequest(c, 'join_teammate needs properties.email and a user with an account')
      // The teammate becomes a user of the same account (same plan), then signs in for the first time.
      const subject: Subject = { userId: teammateUserId(accountId, properties.email), accountId, signedUpAt: now().toISOString(), traits: { ...session.subject.traits, role: 'member' } }
      await options.api.upsertSubject(subject)
      teammate = { teammateId: subject.userId }
    }
    const context = { userId, ...(accountId ? { accountId } : {}), signedUpAt, now: now(), newId: randomUUID }
    const events = eventsForAction(action, teammate ?? properties, context)
    const result = events.length > 0 ? await options.api.sendEvents(events) : { accepted: 0, duplicates: 0, rejected: [] }
    return c.json({ action, events: events.length, result })
  })

  app.post('/reset', async (c) => {
    const existing = currentSession(c)
    const persona = existing?.persona ?? DEFAULT_PERSONA
    const template = existing?.subject ?? (await options.personaSubject(persona))
    const subject = freshSubject(template, now(), randomBytes(6).toString('hex'))
    await options.api.upsertSubject(subject)
    return respondWithSession(c, { persona, subject, ...(existing?.locale && { locale: existing.locale }) })
  })

  app.get('/insights', async (c) => c.json(await options.api.insights()))
  app.get('/insights/experiment', async (c) => c.json(await options.api.experiment()))
  app.get('/accounts', async (c) => c.json(await options.api.accounts(c.req.query('segment') ?? 'all')))
  if (options.receiverUrl) app.route('/', createWebhookInbox(options.api, options.receiverUrl))

  return app
}
