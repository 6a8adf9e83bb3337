import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Subject } from '../../core'
import { isPersonaId, type PersonaId } from './personas'

/** The languages the demo offers (the Taskly program and the widget both speak them). */
export const DEMO_LOCALES = ['en', 'de'] as const
export type DemoLocale = (typeof DEMO_LOCALES)[number]

/** What the demo remembers about a browser: which persona it plays, which user that currently is, and its language. */
export interface DemoSession {
  persona: PersonaId
  subject: Subject
  /** @default 'en' */
  locale?: DemoLocale
}

/** Cookie name; httpOnly so page scripts never see it. */
export const SESSION_COOKIE = 'taskly_demo_session'

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url')
}

/** Serialises a session into a tamper-evident cookie value (`payload.signature`). */
export function encodeSession(session: DemoSession, secret: string): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url')
  return `${payload}.${sign(payload, secret)}`
}

/** Reads a cookie value back; anything unsigned, altered or malformed is `null` (the caller starts over). */
export function decodeSession(value: string | undefined, secret: string): DemoSession | null {
  if (!value) return null
  const [payload, signature] = value.split('.')
  if (!payload || !signature) return null
  const expected = Buffer.from(sign(payload, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<DemoSession>
    if (!isPersonaId(parsed.persona) || typeof parsed.subject?.userId !== 'string') return null
    if (parsed.locale !== undefined && !(DEMO_LOCALES as readonly string[]).includes(parsed.locale)) return null
    return parsed as DemoSession
  } catch {
    return null
  }
}
