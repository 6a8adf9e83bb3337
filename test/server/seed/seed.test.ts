import { demoProgram } from '../../../src/core'
import { generateCohort, isSeeded, PERSONAS, seedDemo, type SeedSummary } from '../../../src/server/seed'
import { createService } from '../../../src/server/service'
import { earliestScheduledChange, loadCohort, openStorage, type Storage } from '../../../src/server/storage'
import type { CairnService } from '../../../src/server/service-types'

const NOW = new Date('2026-06-15T10:00:00.000Z')

describe('synthetic cohort', () => {
  it('is the same for the same seed and different for another', () => {
    const a = generateCohort({ accounts: 20, seed: 7, now: NOW })
    expect(generateCohort({ accounts: 20, seed: 7, now: NOW })).toEqual(a)
    expect(generateCohort({ accounts: 20, seed: 8, now: NOW })).not.toEqual(a)
  })

  it('spreads accounts over plans and seats, with signups in the last 120 days and no event after now', () => {
    const accounts = generateCohort({ accounts: 300, now: NOW })
    const plans = new Set(accounts.map((a) => a.subjects[0]?.traits?.plan))
    expect(plans).toEqual(new Set(['free', 'team', 'business']))
    const seats = accounts.map((a) => a.subjects.length)
    expect(Math.min(...seats)).toBe(1)
    expect(Math.max(...seats)).toBe(5)
    for (const account of accounts) {
      for (const subject of account.subjects) expect(NOW.getTime() - Date.parse(subject.signedUpAt)).toBeLessThanOrEqual(121 * 86_400_000)
      for (const event of account.events) expect(Date.parse(event.timestamp)).toBeLessThanOrEqual(NOW.getTime())
    }
  })
})

describe('seeding the demo', () => {
  let storage: Storage
  let service: CairnService
  let summary: SeedSummary

  beforeAll(async () => {
    storage = await openStorage({ memory: true })
    service = await createService({ program: demoProgram, storage })
    expect(await isSeeded(storage, demoProgram.id)).toBe(false)
    summary = await seedDemo({ service, storage }, { accounts: 150, now: NOW })
    expect(summary.rejected).toBe(0)
  })
  afterAll(async () => {
    await service.close()
  })

  it('reports itself as seeded afterwards', async () => {
    expect(await isSeeded(storage, demoProgram.id)).toBe(true)
  })

  it('has a brand-new persona with nothing done', async () => {
    const progress = await service.progress(PERSONAS.new, NOW)
    expect(Object.values(progress.milestones).filter((m) => m.state === 'achieved')).toEqual([])
  })

  it('has a halfway persona: level 1 done, level 2 under way, compared with plenty of team peers', async () => {
    const progress = await service.progress(PERSONAS.halfway, NOW)
    expect(progress.levels.map((l) => l.state)).toEqual(['complete', 'active', 'locked'])
    expect(progress.milestones['ten-tasks-done']?.state).toBe('in_progress')
    expect(progress.benchmarks?.cohortSize).toBeGreaterThanOrEqual(10)
  })

  it('has a power persona with every milestone achieved (the one-year anniversary is still ahead)', async () => {
    const progress = await service.progress(PERSONAS.power, NOW)
    const notAchieved = Object.entries(progress.milestones).filter(([, m]) => m.state !== 'achieved')
    expect(notAchieved.map(([id]) => id)).toEqual(['one-year'])
    expect(progress.badges.map((b) => b.id)).toEqual(expect.arrayContaining(['organized', 'productive', 'power-user']))
  })

  it('withholds benchmarks from the persona in a segment of fewer than 10 accounts', async () => {
    const progress = await service.progress(PERSONAS.smallSegment, NOW)
    expect(progress.levels[0]?.state).toBe('complete')
    expect(progress.benchmarks).toBeUndefined()
  })

  it('starts every seeded user without pending celebrations', async () => {
    expect((await service.progress(PERSONAS.power, NOW)).celebrations).toEqual([])
  })

  it('gives every seeded user stored progress, also those with no events yet, so the scheduler sees them', async () => {
    const cohort = await loadCohort(storage, demoProgram.id)
    expect(cohort.length).toBe(summary.users)
    // The brand-new persona has done nothing; its inactivity comes due 14 days after signup.
    expect(cohort.find((row) => row.subject.userId === PERSONAS.new)?.progress.signals?.find((s) => s.id === 'went-quiet')?.state).toBe('clear')
    expect(await earliestScheduledChange(storage, demoProgram.id)).toBeDefined()
  })

  it('counts who is at risk now from stored progress: a believable share of the cohort went quiet', async () => {
    const insights = await service.insights(NOW)
    const quiet = insights.atRisk?.find((entry) => entry.signalId === 'went-quiet')
    expect(quiet).toMatchObject({ title: 'Went quiet', kind: 'inactive', days: 14 })
    expect(quiet?.active).toBeGreaterThan(insights.subjects * 0.1)
    expect(quiet?.active).toBeLessThan(insights.subjects * 0.7)
    const counted = (await loadCohort(storage, demoProgram.id)).filter((row) => row.progress.signals?.some((s) => s.id === 'went-quiet' && s.state === 'active'))
    expect(quiet?.active).toBe(counted.length)
    expect(insights.atRisk?.map((entry) => entry.signalId)).toEqual(demoProgram.signals?.map((signal) => signal.id))
  })

  it('produces insights with real spread: not everyone finishes', async () => {
    const insights = await service.insights(NOW)
    // Nobody in the cohort signed up a year ago yet: the anniversary is the one milestone no one has reached.
    const rates = insights.milestones.filter((m) => m.id !== 'one-year').map((m) => m.completionRate)
    expect(Math.max(...rates)).toBeLessThan(1)
    expect(Math.min(...rates)).toBeGreaterThan(0)
    expect(insights.velocity.length).toBeGreaterThan(10)
  })
})
