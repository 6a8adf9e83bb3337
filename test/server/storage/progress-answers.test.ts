// `GET /v1/me/progress` answers kept as text must never be stale: at every moment, and after every kind of write, the
// text equals the answer read afresh (`progressForToken`, which keeps nothing). The clock is moved across each horizon
// an answer is kept to, and each input it depends on is changed. On Postgres nothing is kept; the same answers are checked.
import { randomBytes } from 'node:crypto'
import { demoProgramSource, type LocalizedProgram, type MeProgress } from '../../../src/core'
import type { CairnService, TokenSubject } from '../../../src/server/service-types'
import { createService } from '../../../src/server/service'
import { availableBackends, storageSuite, unclosable } from './backends'

const DAY_MS = 24 * 60 * 60 * 1000
const SIGNED_UP = new Date('2026-03-01T00:00:00.000Z')
/** 3.5 days after signup: the 7-day setup deadline reads "Due in 4 days". */
const NOW = new Date(SIGNED_UP.getTime() + 3.5 * DAY_MS)
const at = (ms: number) => new Date(ms)

/** The demo program (English and German) without its tenure milestones, whose daily tick would hide other horizons. */
function program(overrides: Partial<LocalizedProgram> = {}): LocalizedProgram {
  return {
    ...demoProgramSource,
    milestones: demoProgramSource.milestones.filter((m) => m.criterion.kind !== 'tenure'),
    ...overrides,
    id: `answers-${randomBytes(4).toString('hex')}`,
  }
}

/** Claims as a remembered token hands them to every request: one frozen object. */
function claimsFor(userId: string, traits: Record<string, string> = { plan: 'team' }): TokenSubject {
  return Object.freeze({ userId, accountId: `acct-${userId}`, signedUpAt: SIGNED_UP.toISOString(), traits: Object.freeze({ ...traits }) })
}

const event = (userId: string, name: string, ms: number, id = `${userId}-${name}-${ms}`) => ({ id, name, userId, accountId: `acct-${userId}`, timestamp: at(ms).toISOString() })

describe.each(availableBackends())('progress answers kept as text on $name', (backend) => {
  const suite = storageSuite(backend)
  const services: CairnService[] = []
  afterEach(async () => {
    await Promise.all(services.splice(0).map((service) => service.close()))
  })
  /** A service on the suite's database, in both languages; no webhook sender (its idle claim every 2 s counts as a write). */
  async function start(source: LocalizedProgram): Promise<CairnService> {
    const service = await createService({ program: source, storage: unclosable(suite.storage), webhooks: { deliver: false } })
    services.push(service)
    return service
  }

  /** The kept text at `now` parsed, checked equal to a fresh read at the same moment; returns the fresh answer. */
  async function answerAt(service: CairnService, claims: TokenSubject, now: Date, locale?: string): Promise<MeProgress> {
    const text = await service.progressTextForToken(claims, now, locale)
    const fresh = await service.progressForToken(claims, now, locale)
    expect(JSON.parse(text)).toEqual(fresh)
    return fresh
  }

  it('counts a deadline down day by day: the step reads "Due in 3 days" from the exact moment it should', async () => {
    const service = await start(program())
    const ana = claimsFor('ana')
    // Two of the three setup steps done: the deadline-bound composite is among the next steps.
    await service.ingest([event('ana', 'project_created', NOW.getTime() - 60_000), ...[1, 2, 3, 4, 5].map((i) => event('ana', 'task_added', NOW.getTime() - i * 60_000))], { now: NOW })
    const reason = (answer: MeProgress) => answer.nextSteps.find((step) => step.milestoneId === 'finish-setup')?.reason
    expect(reason(await answerAt(service, ana, NOW))).toBe('Due in 4 days')
    const due = SIGNED_UP.getTime() + 7 * DAY_MS
    expect(reason(await answerAt(service, ana, at(due - 3 * DAY_MS - 1)))).toBe('Due in 4 days')
    expect(reason(await answerAt(service, ana, at(due - 3 * DAY_MS)))).toBe('Due in 3 days')
    expect(reason(await answerAt(service, ana, at(due - DAY_MS + 1)))).toBe('Due in 1 day')
    expect(reason(await answerAt(service, ana, at(due)))).toBe('Due in 1 day')
    // Past the deadline the step is missed and leaves the next steps.
    const missed = await answerAt(service, ana, at(due + 1))
    expect(missed.milestones['finish-setup']?.state).toBe('missed')
    expect(reason(missed)).toBeUndefined()
  })

  it('follows a window emptying and a signal coming due, at the evaluation\'s next change', async () => {
    const service = await start(program())
    const ben = claimsFor('ben')
    const last = NOW.getTime() - 60_000
    await service.ingest([event('ben', 'task_completed', last - 60_000), event('ben', 'task_completed', last)], { now: NOW })
    expect((await answerAt(service, ben, NOW)).milestones['tasks-sprint']).toMatchObject({ state: 'in_progress', current: 2 })
    // The first event leaves the 7-day window: one left.
    expect((await answerAt(service, ben, at(last - 60_000 + 7 * DAY_MS - 1))).milestones['tasks-sprint']?.current).toBe(2)
    expect((await answerAt(service, ben, at(last - 60_000 + 7 * DAY_MS))).milestones['tasks-sprint']?.current).toBe(1)
    expect((await answerAt(service, ben, at(last + 7 * DAY_MS))).milestones['tasks-sprint']).toMatchObject({ state: 'available', current: 0 })
    // Fourteen days without an event: "went quiet" becomes active.
    const quiet = (answer: MeProgress) => answer.signals?.find((signal) => signal.id === 'went-quiet')?.state
    expect(quiet(await answerAt(service, ben, at(last + 14 * DAY_MS - 1)))).toBe('clear')
    expect(quiet(await answerAt(service, ben, at(last + 14 * DAY_MS + 1)))).toBe('active')
    // An earlier moment than the one an answer was kept from is read again too.
    expect((await answerAt(service, ben, NOW)).milestones['tasks-sprint']?.current).toBe(2)
  })

  it('moves the benchmarks with the clock while the rest of the answer is kept', async () => {
    const service = await start(program({ benchmarks: { segmentBy: ['plan'], minCohort: 2 } }))
    // Peers who signed up earlier and created their first project 1, 2 and 3 days in.
    for (const [i, days] of [1, 2, 3].entries()) {
      const peer = `peer-${i}`
      const signedUpAt = SIGNED_UP.getTime() - 10 * DAY_MS + i * DAY_MS
      await service.upsertSubject(peer, { accountId: `acct-${peer}`, signedUpAt: at(signedUpAt).toISOString(), traits: { plan: 'team' } }, { now: NOW })
      await service.ingest([event(peer, 'project_created', signedUpAt + days * DAY_MS - 60_000)], { now: NOW })
    }
    const cy = claimsFor('cy')
    const first = await answerAt(service, cy, at(SIGNED_UP.getTime() + 1.5 * DAY_MS))
    const later = await answerAt(service, cy, at(SIGNED_UP.getTime() + 2.5 * DAY_MS))
    expect(first.benchmarks?.stageDays).toBe(1.5)
    expect(later.benchmarks?.stageDays).toBe(2.5)
    expect(later.benchmarks?.milestones['first-project']?.achievedShare).toBeGreaterThan(first.benchmarks?.milestones['first-project']?.achievedShare ?? 1)
  })

  it('answers after every kind of write: events, a celebration seen, the subject, another version, other claims', async () => {
    const source = program()
    const service = await start(source)
    const dee = claimsFor('dee')
    await answerAt(service, dee, NOW)
    await service.ingest([event('dee', 'project_created', NOW.getTime() - 60_000)], { now: NOW })
    const achieved = await answerAt(service, dee, NOW)
    expect(achieved.milestones['first-project']?.state).toBe('achieved')
    expect(achieved.celebrations.map((c) => c.id)).toContain('milestone:first-project')

    expect(await service.ackCelebration('dee', 'milestone:first-project')).toBe(true)
    expect((await answerAt(service, dee, NOW)).celebrations.map((c) => c.id)).not.toContain('milestone:first-project')

    // The host moves Dee to a plan the team milestone is not offered on; the token says nothing of plans.
    const unclaimed = Object.freeze({ userId: 'dee', accountId: 'acct-dee', signedUpAt: SIGNED_UP.toISOString() })
    expect((await answerAt(service, unclaimed, NOW)).milestones['three-active-teammates']?.state).not.toBe('ineligible')
    await service.upsertSubject('dee', { accountId: 'acct-dee', signedUpAt: SIGNED_UP.toISOString(), traits: { plan: 'solo' } }, { now: NOW })
    expect((await answerAt(service, unclaimed, NOW)).milestones['three-active-teammates']?.state).toBe('ineligible')
    // A token that says otherwise wins (and is stored).
    expect((await answerAt(service, claimsFor('dee', { plan: 'business' }), NOW)).milestones['three-active-teammates']?.state).not.toBe('ineligible')

    const renamed = { ...source, version: '2', milestones: source.milestones.map((m) => (m.id === 'five-tasks' ? { ...m, title: 'Add five tasks (v2)' } : m)) }
    await service.publishProgram(renamed, renamed, 'ci', NOW)
    const v2 = await answerAt(service, dee, NOW)
    expect(v2.programVersion).toBe('2')
    expect(v2.nextSteps.map((step) => step.title)).toContain('Add five tasks (v2)')
  })

  it('keeps one answer per language', async () => {
    const service = await start(program())
    const eve = claimsFor('eve')
    const title = (answer: MeProgress) => answer.nextSteps.find((step) => step.milestoneId === 'first-project')?.title
    expect(title(await answerAt(service, eve, NOW, 'de'))).toBe('Lege dein erstes Projekt an')
    expect(title(await answerAt(service, eve, NOW, 'en'))).toBe('Create your first project')
    expect(title(await answerAt(service, eve, at(NOW.getTime() + 1), 'de'))).toBe('Lege dein erstes Projekt an')
  })

  it('never keeps a badge dated at the moment of reading: each read dates it again', async () => {
    // Version 2 moves the first level onto a new milestone and gives it a badge: the level stays complete by carrying,
    // and its new badge has no achievement to date it, so it is dated at the read (see `carryAchievements`).
    const source = program()
    const service = await start(source)
    const fay = claimsFor('fay')
    await service.ingest(['project_created', 'teammate_invited', ...Array<string>(5).fill('task_added')].map((name, i) => event('fay', name, NOW.getTime() - (i + 1) * 60_000)), { now: NOW })
    expect((await answerAt(service, fay, NOW)).levels[0]?.state).toBe('complete')
    const moved: LocalizedProgram = {
      ...source,
      version: '2',
      milestones: [...source.milestones, { id: 'fresh-start', title: 'Start afresh', category: 'onboarding', criterion: { kind: 'count', event: 'restarted', atLeast: 1 } }],
      levels: source.levels.map((level, i) => (i === 0 ? { ...level, milestones: ['fresh-start'], unlocks: { ...level.unlocks, badge: 'fresh' } } : level)),
      badges: [...source.badges, { id: 'fresh', title: 'Fresh' }],
    }
    await service.publishProgram(moved, moved, 'ci', NOW)
    const dated = (answer: MeProgress) => answer.badges.find((badge) => badge.id === 'fresh')?.earnedAt
    for (const ms of [NOW.getTime() + 1_000, NOW.getTime() + 2_000]) expect(dated(await answerAt(service, fay, at(ms)))).toBe(at(ms).toISOString())
  })
})
