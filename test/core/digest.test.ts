import { describe, expect, it } from 'vitest'
import { DIGEST_PERIOD_DAYS, buildDigest, demoProgram, DigestSchema, type Progress } from '../../src/core'

const NOW = '2026-05-31T12:00:00.000Z'
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 24 * 60 * 60 * 1000).toISOString()

/** A demo-program Progress literal with the given milestones achieved at the given times. */
function progressWith(achieved: Record<string, string>, extra: Partial<Progress> = {}): Progress {
  return {
    programId: demoProgram.id,
    programVersion: demoProgram.version,
    evaluatedAt: NOW,
    milestones: Object.fromEntries(
      demoProgram.milestones.map((m) => {
        const achievedAt = achieved[m.id]
        return [m.id, achievedAt ? { state: 'achieved', current: 1, target: 1, achievedAt } : { state: 'available', current: 0, target: 1 }]
      }),
    ),
    levels: demoProgram.levels.map((l, i) => ({ id: l.id, state: i === 0 ? 'active' : 'locked', completed: 0, total: l.milestones.length })),
    badges: [],
    unlockedFeatures: [],
    nextSteps: [],
    ...extra,
  }
}

describe('buildDigest', () => {
  it('covers the last 7 days for a week and the last 30 for a month, ending now', () => {
    const progress = progressWith({})
    expect(buildDigest({ program: demoProgram, progress, period: 'week', now: NOW })).toMatchObject({ period: 'week', from: daysAgo(7), to: NOW })
    expect(buildDigest({ program: demoProgram, progress, period: 'month', now: new Date(NOW) })).toMatchObject({ period: 'month', from: daysAgo(30), to: NOW })
    expect(DIGEST_PERIOD_DAYS).toEqual({ week: 7, month: 30 })
  })

  it('lists milestones achieved in the period, oldest first, and leaves out older ones', () => {
    const progress = progressWith({ 'first-project': daysAgo(10), 'invite-teammate': daysAgo(1), 'five-tasks': daysAgo(6.9) })
    const digest = buildDigest({ program: demoProgram, progress, period: 'week', now: NOW })
    expect(digest.achieved).toEqual([
      { milestoneId: 'five-tasks', title: 'Add 5 tasks', doneTitle: 'Added 5 tasks', achievedAt: daysAgo(6.9) },
      { milestoneId: 'invite-teammate', title: 'Invite a teammate', doneTitle: 'Invited a teammate', achievedAt: daysAgo(1) },
    ])
    const month = buildDigest({ program: demoProgram, progress, period: 'month', now: NOW })
    expect(month.achieved.map((a) => a.milestoneId)).toEqual(['first-project', 'five-tasks', 'invite-teammate'])
  })

  it('excludes an achievement exactly at the start of the period and includes one exactly at its end', () => {
    const progress = progressWith({ 'first-project': daysAgo(7), 'five-tasks': NOW })
    expect(buildDigest({ program: demoProgram, progress, period: 'week', now: NOW }).achieved.map((a) => a.milestoneId)).toEqual(['five-tasks'])
  })

  it('lists badges earned and levels completed in the period with their titles', () => {
    const progress = progressWith(
      { 'first-project': daysAgo(40), 'five-tasks': daysAgo(35), 'invite-teammate': daysAgo(3), 'ten-tasks-done': daysAgo(2), 'three-projects': daysAgo(2), 'three-features': daysAgo(1) },
      {
        levels: [
          { id: 'getting-started', state: 'complete', completed: 3, total: 3 },
          { id: 'building-momentum', state: 'complete', completed: 3, total: 3 },
          { id: 'power-user', state: 'active', completed: 0, total: 3 },
        ],
        badges: [
          { id: 'organized', earnedAt: daysAgo(3) },
          { id: 'productive', earnedAt: daysAgo(1) },
        ],
      },
    )
    const digest = buildDigest({ program: demoProgram, progress, period: 'week', now: NOW })
    expect(digest.badges).toEqual([
      { id: 'organized', title: 'Organized', earnedAt: daysAgo(3) },
      { id: 'productive', title: 'Productive', earnedAt: daysAgo(1) },
    ])
    expect(digest.levelsCompleted).toEqual([
      { id: 'getting-started', title: 'Getting started' },
      { id: 'building-momentum', title: 'Building momentum' },
    ])
  })

  it('leaves out a level completed before the period', () => {
    const progress = progressWith(
      { 'first-project': daysAgo(40), 'five-tasks': daysAgo(35), 'invite-teammate': daysAgo(33) },
      {
        levels: [{ id: 'getting-started', state: 'complete', completed: 3, total: 3 }],
        badges: [{ id: 'organized', earnedAt: daysAgo(33) }],
      },
    )
    const digest = buildDigest({ program: demoProgram, progress, period: 'month', now: NOW })
    expect(digest).toMatchObject({ achieved: [], badges: [], levelsCompleted: [] })
  })

  it("reports the period's own minutes saved, not the running total, and the first next step", () => {
    const nextStep = { milestoneId: 'automate-workflow', title: 'Automate a workflow', cta: { label: 'Try automations', href: '/automations' }, reason: 'Saves you the most time' }
    const progress = progressWith({}, {
      value: { minutesSaved: 240, moneySaved: 240, currency: 'USD' },
      nextSteps: [nextStep, { milestoneId: 'generate-report', title: 'Generate a report', reason: 'Next in your level' }],
    })
    const startProgress = progressWith({}, { value: { minutesSaved: 180, moneySaved: 180, currency: 'USD' } })
    const digest = buildDigest({ program: demoProgram, progress, startProgress, period: 'week', now: NOW })
    expect(digest).toMatchObject({ minutesSaved: 60, nextStep })
  })

  it('says nothing about time saved when it cannot tell the period apart from the running total, or nothing was saved', () => {
    const progress = progressWith({}, { value: { minutesSaved: 240 } })
    expect(buildDigest({ program: demoProgram, progress, period: 'week', now: NOW })).not.toHaveProperty('minutesSaved')
    expect(buildDigest({ program: demoProgram, progress, startProgress: progress, period: 'week', now: NOW })).not.toHaveProperty('minutesSaved')
  })

  it('lists accomplishments by their past-tense title when the program gives one', () => {
    const program = { ...demoProgram, milestones: demoProgram.milestones.map((m) => (m.id === 'five-tasks' ? { ...m, doneTitle: undefined } : m)) }
    const progress = progressWith({ 'tasks-sprint': daysAgo(1), 'five-tasks': daysAgo(2) })
    const achieved = buildDigest({ program, progress, period: 'week', now: NOW }).achieved
    expect(achieved.map((a) => a.doneTitle)).toEqual([undefined, 'Finished 3 tasks in a week'])
  })

  it('omits minutes saved and next step when there are none, and still matches the Digest schema', () => {
    const digest = buildDigest({ program: demoProgram, progress: progressWith({}), period: 'week', now: NOW })
    expect(digest).toEqual({ period: 'week', from: daysAgo(7), to: NOW, achieved: [], badges: [], levelsCompleted: [] })
    expect(DigestSchema.safeParse(digest).success).toBe(true)
  })

  it('ignores achievements recorded after now', () => {
    const progress = progressWith({ 'first-project': daysAgo(-1) })
    expect(buildDigest({ program: demoProgram, progress, period: 'week', now: NOW }).achieved).toEqual([])
  })
})
