import type { CairnService } from '../../../src/server/service-types'
import { availableBackends, storageSuite } from './backends'

const NOW = new Date('2026-06-01T12:00:00.000Z')
const DAY = 24 * 3_600_000
const at = (signedUpDaysAgo: number, dayAfterSignup: number) => new Date(NOW.getTime() - (signedUpDaysAgo - dayAfterSignup) * DAY).toISOString()

describe.each(availableBackends())('success metrics in insights on $name', (backend) => {
  const suite = storageSuite(backend)
  let service: CairnService

  beforeEach(async () => {
    service = await suite.start()
  })

  const subject = (userId: string, accountId: string, daysAgo: number, plan: string) =>
    service.upsertSubject(userId, { accountId, signedUpAt: at(daysAgo, 0), traits: { plan } })
  const event = (userId: string, accountId: string, name: string, daysAgo: number, day: number, extra: Record<string, string> = {}) =>
    ({ id: `${userId}-${name}-${day}-${JSON.stringify(extra)}`, name, userId, accountId, timestamp: at(daysAgo, day), ...(Object.keys(extra).length > 0 && { properties: extra }) })

  it('compares retention of accounts with 3+ early milestones against the rest, and reports density and completion by plan', async () => {
    await subject('a1', 'early', 60, 'team')
    await subject('b1', 'late', 60, 'team')
    await subject('c1', 'young', 10, 'pro')
    const early = [
      event('a1', 'early', 'project_created', 60, 1),
      ...[1, 2, 3, 4, 5].map((i) => event('a1', 'early', 'task_added', 60, 1, { n: String(i) })),
      event('a1', 'early', 'teammate_invited', 60, 2),
      event('a1', 'early', 'logged_in', 60, 35), // inside days 29–56: retained
      event('b1', 'late', 'logged_in', 60, 3), // never seen in the window
      event('c1', 'young', 'project_created', 10, 1),
    ]
    expect((await service.ingest(early, { now: NOW })).rejected).toEqual([])

    const { success } = await service.insights(NOW)
    expect(success?.retention).toMatchObject({
      earlyMilestones: 3,
      windowDays: [29, 56],
      withEarlyMilestones: { accounts: 1, retained: 1, rate: 1 },
      withoutEarlyMilestones: { accounts: 1, retained: 0, rate: 0 },
    })
    // early: 3 (+ possibly a level) over 2 months; late: 0 over 2 months; young: 1 over its first month.
    expect(success?.milestoneDensity).toBeGreaterThan(0.5)
    expect(success?.completionBySegment.trait).toBe('plan')
    expect(success?.completionBySegment.segments.map((s) => [s.value, s.accounts])).toEqual([['pro', 1], ['team', 2]])
  })
})
