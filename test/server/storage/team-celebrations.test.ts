import type { CairnService } from '../../../src/server/service-types'
import { availableBackends, storageSuite } from './backends'

const NOW = new Date('2026-03-10T12:00:00.000Z')
const DAY = 24 * 3_600_000
const SIGNED_UP = '2026-03-08T09:00:00.000Z'
// The team milestone is for team and business plans.
const TEAM = 'three-active-teammates' // account-unit: three different users of the account logged in

const login = (userId: string, accountId: string, at = NOW.getTime() - 60_000) => ({
  id: `${userId}-login-${at}`, name: 'logged_in', userId, accountId, timestamp: new Date(at).toISOString(),
})

describe.each(availableBackends())('team announcements on $name', (backend) => {
  const suite = storageSuite(backend)
  let service: CairnService

  beforeEach(async () => {
    service = await suite.start(undefined, { now: () => NOW })
    for (const userId of ['ana', 'ben', 'cy']) await service.upsertSubject(userId, { accountId: 'acme', signedUpAt: SIGNED_UP, traits: { plan: 'team' } })
    await service.upsertSubject('dee', { accountId: 'globex', signedUpAt: SIGNED_UP, traits: { plan: 'team' } })
    await service.ingest([login('ana', 'acme'), login('ben', 'acme'), login('dee', 'globex')], { now: NOW })
    await service.ingest([login('cy', 'acme')], { now: NOW }) // cy's log-in makes three: cy achieved it
  })

  const pendingIds = async (userId: string, now = NOW) => (await service.progress(userId, now)).celebrations.map((c) => c.id)

  it('gives whoever achieved it the usual moment and every teammate a team announcement, and nobody else anything', async () => {
    expect(await pendingIds('cy')).toContain(`milestone:${TEAM}`)
    expect(await pendingIds('cy')).not.toContain(`team:${TEAM}`)
    for (const teammate of ['ana', 'ben']) {
      const celebrations = (await service.progress(teammate, NOW)).celebrations
      const team = celebrations.find((c) => c.id === `team:${TEAM}`)
      expect(team).toMatchObject({ kind: 'team', refId: TEAM, style: 'toast' })
      expect(celebrations.map((c) => c.id)).not.toContain(`milestone:${TEAM}`)
    }
    expect((await pendingIds('dee')).filter((id) => id.endsWith(TEAM))).toEqual([])
  })

  it('acknowledges per user: one teammate seeing it leaves it pending for the other', async () => {
    expect(await service.ackCelebration('ana', `team:${TEAM}`)).toBe(true)
    expect(await pendingIds('ana')).not.toContain(`team:${TEAM}`)
    expect(await pendingIds('ben')).toContain(`team:${TEAM}`)
    expect(await service.ackCelebration('dee', `team:${TEAM}`)).toBe(false)
  })

  it('tells a teammate who joins within a week of it', async () => {
    await service.upsertSubject('eve', { accountId: 'acme', signedUpAt: NOW.toISOString(), traits: { plan: 'team' } })
    expect(await pendingIds('eve')).toContain(`team:${TEAM}`)
  })
})

describe.each(availableBackends())('team announcements for late joiners on $name', (backend) => {
  const suite = storageSuite(backend)

  it('stays quiet about team milestones older than a week for someone joining now', async () => {
    const clock = { now: NOW }
    const service = await suite.start(undefined, { now: () => clock.now })
    for (const userId of ['ana', 'ben', 'cy']) await service.upsertSubject(userId, { accountId: 'acme', signedUpAt: SIGNED_UP, traits: { plan: 'team' } })
    await service.ingest(['ana', 'ben', 'cy'].map((userId) => login(userId, 'acme')), { now: NOW })
    clock.now = new Date(NOW.getTime() + 8 * DAY)
    await service.upsertSubject('fay', { accountId: 'acme', signedUpAt: clock.now.toISOString(), traits: { plan: 'team' } })
    const ids = (await service.progress('fay', clock.now)).celebrations.map((c) => c.id)
    expect(ids.filter((id) => id.endsWith(TEAM))).toEqual([])
  })
})
