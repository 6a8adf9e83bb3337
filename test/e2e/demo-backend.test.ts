// Taskly's backend on its own (no browser, no database): sessions, actions → events, reset, insights proxy.
import { describe, expect, test } from 'vitest'
import { demoExperiment, experimentArm, type CairnEvent, type Subject } from '../../src/core'
import { freshSubject } from '../../src/demo/backend/personas'
import { createDemoBackend } from '../../src/demo/backend/app'
import type { CairnApi } from '../../src/demo/backend/cairn-api'

const NOW = new Date('2026-11-20T12:00:00.000Z')

function setup(signedUpAt = '2026-11-01T00:00:00.000Z') {
  const sent: CairnEvent[][] = []
  const upserted: Subject[] = []
  const minted: { userId: string; locale: string }[] = []
  const api: CairnApi = {
    sendEvents: async (events) => {
      sent.push(events)
      return { accepted: events.length, duplicates: 0, rejected: [] }
    },
    upsertSubject: async (subject) => {
      upserted.push(subject)
      return subject
    },
    insights: async () => ({ generatedAt: NOW.toISOString(), subjects: 3, milestones: [], levels: [], velocity: [] }),
    experiment: async () => ({ experimentId: 'lift' }),
    accounts: async (segment) => ({ accounts: [], segment }),
    registerWebhook: async () => ({ id: 'wh_1', secret: 'whsec_test' }),
    webhooks: async () => [],
  }
  const app = createDemoBackend({
    api,
    now: () => NOW,
    cookieSecret: 'test-cookie-secret',
    mintToken: async (subject, locale) => {
      minted.push({ userId: subject.userId, locale })
      return `token-for:${subject.userId}`
    },
    personaSubject: async (persona) => ({
      userId: `persona-${persona}`,
      accountId: `acct-${persona}`,
      signedUpAt,
      traits: { plan: persona === 'small-segment' ? 'business' : 'team' },
    }),
  })
  let cookie = ''
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const setCookie = response.headers.get('set-cookie')
    if (setCookie) cookie = setCookie.split(';')[0] ?? ''
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  const jar = {
    get: () => cookie,
    set: (value: string) => {
      cookie = value
    },
  }
  return { call, sent, upserted, jar, minted }
}

describe('demo backend', () => {
  test('mints a user token for the chosen persona and remembers the persona in a cookie', async () => {
    const { call } = setup()
    const first = await call('POST', '/session', { persona: 'halfway' })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ token: 'token-for:persona-halfway', persona: 'halfway', user: { userId: 'persona-halfway' } })
    const again = await call('POST', '/session', {})
    expect(again.body).toMatchObject({ persona: 'halfway', user: { userId: 'persona-halfway' } })
  })

  test('rejects an unknown persona with a 400', async () => {
    const { call } = setup()
    expect((await call('POST', '/session', { persona: 'admin' })).status).toBe(400)
  })

  test('reports a click as one event for the session user, with a fresh id each time', async () => {
    const { call, sent } = setup()
    await call('POST', '/session', { persona: 'new' })
    await call('POST', '/actions', { action: 'create_project' })
    await call('POST', '/actions', { action: 'use_feature', properties: { feature: 'timeline-view' } })
    expect(sent).toHaveLength(2)
    expect(sent[0]?.[0]).toMatchObject({ name: 'project_created', userId: 'persona-new', accountId: 'acct-new', timestamp: NOW.toISOString() })
    expect(sent[1]?.[0]).toMatchObject({ name: 'feature_used', properties: { feature: 'timeline-view' } })
    expect(sent[0]?.[0]?.id).not.toBe(sent[1]?.[0]?.id)
  })

  test('refuses actions without a session, unknown actions, and a feature without its name', async () => {
    const { call, sent } = setup()
    expect((await call('POST', '/actions', { action: 'create_project' })).status).toBe(401)
    await call('POST', '/session', { persona: 'new' })
    expect((await call('POST', '/actions', { action: 'delete_everything' })).status).toBe(400)
    expect((await call('POST', '/actions', { action: 'use_feature' })).status).toBe(400)
    expect(sent).toHaveLength(0)
  })

  test('simulates a week of log-ins as seven events on seven different past days', async () => {
    const { call, sent } = setup()
    await call('POST', '/session', { persona: 'new' })
    await call('POST', '/actions', { action: 'simulate_week' })
    const days = new Set(sent[0]?.map((e) => e.timestamp.slice(0, 10)))
    expect(sent[0]).toHaveLength(7)
    expect(days.size).toBe(7)
    expect(sent[0]?.every((e) => e.name === 'logged_in' && Date.parse(e.timestamp) < NOW.getTime())).toBe(true)
  })

  test('never reports a simulated log-in before the sign-up: two days in, two days to log in on', async () => {
    const { call, sent } = setup(new Date(NOW.getTime() - 2 * 24 * 3_600_000 + 30 * 60_000).toISOString())
    await call('POST', '/session', { persona: 'new' })
    const response = await call('POST', '/actions', { action: 'simulate_week' })
    expect(response.body).toMatchObject({ events: 2 })
    expect(sent[0]?.every((e) => Date.parse(e.timestamp) > NOW.getTime() - 2 * 24 * 3_600_000 + 30 * 60_000)).toBe(true)
  })

  test('simulates nothing for a user who signed up a moment ago', async () => {
    const { call, sent } = setup(new Date(NOW.getTime() - 30_000).toISOString())
    await call('POST', '/session', { persona: 'new' })
    expect((await call('POST', '/actions', { action: 'simulate_week' })).body).toMatchObject({ events: 0 })
    expect(sent).toEqual([])
  })

  test('an invited teammate who joins becomes a user of the same account and logs in once', async () => {
    const { call, sent, upserted } = setup()
    await call('POST', '/session', { persona: 'halfway' })
    await call('POST', '/actions', { action: 'join_teammate', properties: { email: 'Alex@example.com' } })
    const [teammate] = upserted
    expect(teammate).toMatchObject({ accountId: 'acct-halfway', traits: { plan: 'team', role: 'member' }, signedUpAt: NOW.toISOString() })
    expect(teammate?.userId).not.toContain('alex')
    expect(sent[0]).toEqual([expect.objectContaining({ name: 'logged_in', userId: teammate?.userId, accountId: 'acct-halfway' })])
    // The same invite accepted again is the same person.
    await call('POST', '/actions', { action: 'join_teammate', properties: { email: 'alex@example.com ' } })
    expect(upserted[1]?.userId).toBe(teammate?.userId)
    expect((await call('POST', '/actions', { action: 'join_teammate' })).status).toBe(400)
  })

  test('puts the chosen language in the token and keeps it across persona switches and resets', async () => {
    const { call, minted } = setup()
    expect((await call('POST', '/session', { persona: 'new' })).body).toMatchObject({ locale: 'en' })
    expect((await call('POST', '/session', { locale: 'de' })).body).toMatchObject({ locale: 'de', persona: 'new' })
    expect((await call('POST', '/session', { persona: 'power' })).body).toMatchObject({ locale: 'de', persona: 'power' })
    expect((await call('POST', '/reset')).body).toMatchObject({ locale: 'de' })
    expect(minted.map((m) => m.locale)).toEqual(['en', 'de', 'de', 'de'])
    expect((await call('POST', '/session', { locale: 'fr' })).status).toBe(400)
  })

  test('reset gives this browser a brand-new user in the same segment and leaves the persona untouched', async () => {
    const { call, sent, upserted } = setup()
    await call('POST', '/session', { persona: 'halfway' })
    const reset = await call('POST', '/reset')
    const user = reset.body.user as { userId: string; traits: Record<string, string> }
    expect(user.userId).toMatch(/^persona-new-[0-9a-f]+$/)
    expect(user.traits).toEqual({ plan: 'team' })
    expect(upserted).toEqual([expect.objectContaining({ userId: user.userId, signedUpAt: NOW.toISOString() })])
    await call('POST', '/actions', { action: 'add_task' })
    expect(sent[0]?.[0]?.userId).toBe(user.userId)
    // Same persona again → still the fresh user; another persona → that persona's seeded user.
    expect((await call('POST', '/session', { persona: 'halfway' })).body).toMatchObject({ user: { userId: user.userId } })
    expect((await call('POST', '/session', { persona: 'power' })).body).toMatchObject({ user: { userId: 'persona-power' } })
  })

  test('ignores a tampered session cookie', async () => {
    const { call, jar, sent } = setup()
    await call('POST', '/session', { persona: 'new' })
    const [name, value = ''] = jar.get().split('=')
    const [payload = '', signature] = value.split('.')
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { subject: { userId: string } }
    session.subject.userId = 'persona-power'
    jar.set(`${name}=${Buffer.from(JSON.stringify(session)).toString('base64url')}.${signature}`)
    expect((await call('POST', '/actions', { action: 'create_project' })).status).toBe(401)
    expect(sent).toHaveLength(0)
  })

  test('proxies the insights of the team view', async () => {
    const { call } = setup()
    expect((await call('GET', '/insights')).body).toMatchObject({ subjects: 3 })
    expect((await call('GET', '/insights/experiment')).body).toEqual({ experimentId: 'lift' })
  })

  test('a fresh user after reset is always in the experiment treatment arm (the demo shows the widget)', async () => {
    for (let i = 0; i < 40; i++) {
      const subject = freshSubject({ userId: 'persona-new', signedUpAt: NOW.toISOString() }, NOW, `id${i}`)
      expect(experimentArm(demoExperiment, subject.accountId!)).toBe('treatment')
    }
  })
})
