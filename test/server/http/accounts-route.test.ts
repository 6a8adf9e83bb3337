import type { AccountRow } from '../../../src/core'
import type { CairnServer } from '../../../src/server'
import { API_KEY, bearer, errorOf, NOW, postEvents, startServer, tokenFor, uniqueUser } from './harness'

let server: CairnServer
const DAY = 24 * 3_600_000

beforeAll(async () => {
  server = await startServer()
  // Twelve accounts that signed up 40 days ago and were active this week, one that did nothing, one brand new.
  const setUp = Array.from({ length: 12 }, (_, i) => `acct-${String(i).padStart(2, '0')}`)
  for (const accountId of [...setUp, 'acct-idle', 'acct-new']) {
    const age = accountId === 'acct-new' ? 2 : 40
    const put = await server.app.request(`/v1/subjects/${accountId}-owner`, {
      method: 'PUT',
      headers: bearer(API_KEY),
      body: JSON.stringify({ accountId, signedUpAt: new Date(NOW.getTime() - age * DAY).toISOString(), traits: { plan: 'team' } }),
    })
    expect(put.status).toBe(200)
  }
  const events = setUp.flatMap((accountId) =>
    ['project_created', 'task_added', 'teammate_invited'].map((name, i) => ({
      id: `${accountId}-${name}`, name, userId: `${accountId}-owner`, accountId, timestamp: new Date(NOW.getTime() - (10 - i) * DAY).toISOString(),
    })),
  )
  expect((await postEvents(server, events)).status).toBe(202)
})
afterAll(() => server.close())

const get = async (query: string) => {
  const response = await server.app.request(`/v1/accounts${query}`, { headers: bearer(API_KEY) })
  return { status: response.status, body: (await response.json()) as { accounts: AccountRow[]; nextCursor?: string } }
}

describe('GET /v1/accounts', () => {
  it('lists every account with pace, signals and a suggested action', async () => {
    const { status, body } = await get('?limit=500')
    expect(status).toBe(200)
    expect(body.accounts.map((a) => a.accountId)).toEqual(expect.arrayContaining(['acct-00', 'acct-idle', 'acct-new']))
    const idle = body.accounts.find((a) => a.accountId === 'acct-idle')!
    // "30 days with Taskly" came by itself: time-based milestones are not counted as progress here.
    expect(idle).toMatchObject({ users: 1, daysSinceSignup: 40, milestonesAchieved: 0, pace: 'behind', signals: expect.any(Array) })
    expect(idle.signals).toContain('went-quiet')
    expect(idle.suggestedAction).toMatch(/Check in|onboarding help/)
    expect(body.accounts.find((a) => a.accountId === 'acct-00')).toMatchObject({ milestonesAchieved: expect.any(Number), pace: 'on_track' })
  })

  it('filters by segment: the idle account is at risk, the set-up ones are not', async () => {
    const { body } = await get('?segment=at_risk&limit=500')
    const ids = body.accounts.map((a) => a.accountId)
    expect(ids).toContain('acct-idle')
    expect(ids).not.toContain('acct-00')
  })

  it('pages with an opaque cursor, each account once', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const { status, body } = await get(`?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      expect(status).toBe(200)
      expect(body.accounts.length).toBeLessThanOrEqual(5)
      seen.push(...body.accounts.map((a) => a.accountId))
      cursor = body.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(14)
    expect(new Set(seen).size).toBe(14)
    expect(seen).toEqual([...seen].sort())
  })

  it.each([
    ['?segment=churned', 'segment'],
    ['?limit=0', 'limit'],
    ['?limit=abc', 'limit'],
    ['?limit=5000', 'limit'],
    ['?cursor=not-a-cursor', 'cursor'],
  ])('answers 400 for %s with the bad parameter', async (query, path) => {
    const response = await server.app.request(`/v1/accounts${query}`, { headers: bearer(API_KEY) })
    expect(response.status).toBe(400)
    expect(((await errorOf(response)).details as { path: string }[])[0]?.path).toBe(path)
  })

  it('is for the API key only', async () => {
    const token = await tokenFor(uniqueUser())
    expect((await server.app.request('/v1/accounts', { headers: bearer(token) })).status).toBe(403)
  })
})
