// Shared set-up for the HTTP tests: one real service on in-memory PGlite per test file, fresh user ids per test.
import { randomUUID } from 'node:crypto'
import { createServer, createUserToken, type CairnServer, type CreateServerOptions } from '../../../src/server'

export const API_KEY = 'test-api-key-0123456789abcdefghijklmnop'
export const SECRET = 'test-signing-secret-0123456789abcdefghijklmnop'
/** A fixed "now" so tokens, deadlines and timestamps in tests never depend on the wall clock. */
export const NOW = new Date('2026-03-10T12:00:00.000Z')

/** A controllable clock shared by a server and its tests. */
export const clock = { now: NOW }

/** Starts a server on in-memory PGlite; pass overrides such as `rateLimit` or `service`. */
export function startServer(overrides: Partial<CreateServerOptions> = {}): Promise<CairnServer> {
  return createServer({ apiKey: API_KEY, signingSecret: SECRET, memory: true, rateLimit: false, now: () => clock.now, ...overrides })
}

/** A user id no other test uses. */
export function uniqueUser(prefix = 'user'): string {
  return `${prefix}-${randomUUID()}`
}

/** A valid user token for `userId` (signed up a day before `NOW`). */
export function tokenFor(userId: string, extra: { accountId?: string; traits?: Record<string, string>; expiresIn?: string | Date; locale?: string } = {}): Promise<string> {
  return createUserToken({
    secret: SECRET,
    userId,
    signedUpAt: new Date(NOW.getTime() - 24 * 3_600_000),
    traits: { plan: 'team', role: 'admin' },
    consent: true,
    expiresIn: new Date(NOW.getTime() + 3_600_000),
    now: NOW,
    ...extra,
  })
}

/** Request headers carrying a bearer credential (and a JSON content type). */
export function bearer(credential: string): Record<string, string> {
  return { Authorization: `Bearer ${credential}`, 'Content-Type': 'application/json' }
}

/** An event one minute before `NOW`; ids are unique unless given. */
export function event(userId: string, name: string, fields: { id?: string; accountId?: string; properties?: Record<string, string | number | boolean>; timestamp?: string } = {}) {
  return { id: fields.id ?? randomUUID(), name, userId, timestamp: fields.timestamp ?? new Date(NOW.getTime() - 60_000).toISOString(), ...fields }
}

/** `POST /v1/events` with the API key. */
export function postEvents(server: CairnServer, events: unknown[]): Promise<Response> {
  return Promise.resolve(server.app.request('/v1/events', { method: 'POST', headers: bearer(API_KEY), body: JSON.stringify({ events }) }))
}

/** The body of an error response, checked to have the one error shape the API uses. */
export async function errorOf(response: Response): Promise<{ code: string; message: string; details?: unknown }> {
  const body = (await response.json()) as { error: { code: string; message: string; details?: unknown } }
  expect(Object.keys(body)).toEqual(['error'])
  expect(typeof body.error.message).toBe('string')
  expect(JSON.stringify(body)).not.toMatch(/at .+\.(ts|js):\d+/) // never a stack trace
  return body.error
}
