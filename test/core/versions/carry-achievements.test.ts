import { carryAchievements, demoProgram, evaluate, progressAcrossVersions, type Celebration, type Progress } from '../../../src/core'
import { events, NOW, SUBJECT, withThresholds, without } from './program-versions'

const LEVEL_ONE = [...events('project_created', 1), ...events('task_added', 5), ...events('teammate_invited', 1)]

describe('carrying achievements into a new program version', () => {
  it('keeps an achieved milestone and its achievedAt when its threshold rose', () => {
    const v1 = evaluate(demoProgram, LEVEL_ONE, { now: NOW, subject: SUBJECT })
    const v2 = withThresholds('2', { 'five-tasks': 8 })
    const fresh = evaluate(v2, LEVEL_ONE, { now: NOW, subject: SUBJECT })
    expect(fresh.milestones['five-tasks']?.state).toBe('in_progress')

    const { progress } = progressAcrossVersions(v2, fresh, v1, undefined)
    expect(progress.programVersion).toBe('2')
    expect(progress.milestones['five-tasks']).toMatchObject({ state: 'achieved', achievedAt: v1.milestones['five-tasks']!.achievedAt, current: 5, target: 8 })
  })

  it('keeps a complete level complete, its badge earned and the next level open', () => {
    const v1 = evaluate(demoProgram, LEVEL_ONE, { now: NOW, subject: SUBJECT })
    expect(v1.levels[0]?.state).toBe('complete')
    const v2 = withThresholds('2', { 'five-tasks': 8 })
    const { progress } = progressAcrossVersions(v2, evaluate(v2, LEVEL_ONE, { now: NOW, subject: SUBJECT }), v1, undefined)

    expect(progress.levels.map((l) => l.state)).toEqual(['complete', 'active', 'locked'])
    expect(progress.badges).toEqual(v1.badges)
    expect(progress.unlockedFeatures).toEqual(v1.unlockedFeatures)
    expect(progress.milestones['ten-tasks-done']?.state).toBe('available')
    expect(progress.nextSteps.map((s) => s.milestoneId)).not.toContain('five-tasks')
  })

  it('lets a removed milestone leave and brings its achievement back when it returns', () => {
    const v1 = evaluate(demoProgram, LEVEL_ONE, { now: NOW, subject: SUBJECT })
    const v2 = without('2', ['invite-teammate'])
    const step2 = progressAcrossVersions(v2, evaluate(v2, LEVEL_ONE, { now: NOW, subject: SUBJECT }), v1, undefined)
    expect(step2.progress.milestones['invite-teammate']).toBeUndefined()

    // v3 brings it back with a threshold the events do not reach: the achievement was kept all along.
    const v3 = withThresholds('3', { 'invite-teammate': 4 })
    const step3 = progressAcrossVersions(v3, evaluate(v3, LEVEL_ONE, { now: NOW, subject: SUBJECT }), step2.progress, step2.carried)
    expect(step3.progress.milestones['invite-teammate']).toMatchObject({ state: 'achieved', achievedAt: v1.milestones['invite-teammate']!.achievedAt })
  })

  it('celebrates nothing again across publish and rollback, and a lowered threshold once, as a toast', () => {
    const few = [...events('project_created', 1), ...events('task_added', 3)]
    const ledger = new Map<string, Celebration>()
    const record = (list: Celebration[]) => {
      for (const c of list) {
        expect(ledger.has(c.id)).toBe(false)
        ledger.set(c.id, c)
      }
    }
    const v1 = evaluate(demoProgram, few, { now: NOW, subject: SUBJECT })
    record(progressAcrossVersions(demoProgram, v1, null, undefined).celebrations)
    expect([...ledger.keys()]).toEqual(['milestone:first-project'])

    const v2 = withThresholds('2', { 'five-tasks': 3, 'first-project': 2 })
    const step2 = progressAcrossVersions(v2, evaluate(v2, few, { now: NOW, subject: SUBJECT }), v1, undefined)
    record(step2.celebrations)
    expect(step2.celebrations.map((c) => [c.id, c.style])).toEqual([['milestone:five-tasks', 'toast']])
    expect(step2.progress.milestones['first-project']?.state).toBe('achieved')

    const rolledBack = progressAcrossVersions(demoProgram, evaluate(demoProgram, few, { now: NOW, subject: SUBJECT }), step2.progress, step2.carried)
    record(rolledBack.celebrations)
    expect(rolledBack.celebrations).toEqual([])
    expect(rolledBack.progress.milestones['five-tasks']).toMatchObject({ state: 'achieved', achievedAt: step2.progress.milestones['five-tasks']!.achievedAt })
  })

  it('makes a level completed only by a new definition a calm toast, not confetti', () => {
    const almost = [...events('project_created', 1), ...events('task_added', 5)]
    const v1 = evaluate(demoProgram, almost, { now: NOW, subject: SUBJECT })
    const v2 = without('2', ['invite-teammate'])
    const { celebrations } = progressAcrossVersions(v2, evaluate(v2, almost, { now: NOW, subject: SUBJECT }), v1, undefined)
    expect(celebrations.find((c) => c.id === 'level:getting-started')?.style).toBe('toast')
  })

  it('returns the fresh evaluation untouched when nothing is carried, and the same version changes nothing', () => {
    const fresh = evaluate(demoProgram, LEVEL_ONE, { now: NOW, subject: SUBJECT })
    expect(carryAchievements(demoProgram, fresh, undefined)).toBe(fresh)
    const same = progressAcrossVersions(demoProgram, fresh, fresh, undefined)
    expect(same.progress).toBe(fresh)
    expect(same.carried).toBeUndefined()
    expect(same.celebrations).toEqual([])
  })

  it('stores only what the new version does not show by itself', () => {
    const v1 = evaluate(demoProgram, LEVEL_ONE, { now: NOW, subject: SUBJECT })
    const v2 = withThresholds('2', { 'five-tasks': 8 })
    const { carried } = progressAcrossVersions(v2, evaluate(v2, LEVEL_ONE, { now: NOW, subject: SUBJECT }), v1, undefined)
    expect(carried).toEqual({
      milestones: { 'five-tasks': v1.milestones['five-tasks']!.achievedAt },
      levels: ['getting-started'],
      badges: { organized: v1.badges[0]!.earnedAt },
    })
  })

  it('keeps an achievement when the new version makes the milestone ineligible for the subject', () => {
    const v1 = evaluate(demoProgram, LEVEL_ONE, { now: NOW, subject: SUBJECT })
    const v2 = { ...demoProgram, version: '2', milestones: demoProgram.milestones.map((m) => (m.id === 'first-project' ? { ...m, eligibility: { traits: { plan: ['pro'] } } } : m)) }
    const fresh: Progress = evaluate(v2, LEVEL_ONE, { now: NOW, subject: SUBJECT })
    expect(fresh.milestones['first-project']?.state).toBe('ineligible')
    const { progress } = progressAcrossVersions(v2, fresh, v1, undefined)
    expect(progress.milestones['first-project']).toMatchObject({ state: 'achieved', achievedAt: v1.milestones['first-project']!.achievedAt })
    expect(progress.levels[0]).toMatchObject({ state: 'complete', completed: 3, total: 3 })
  })
})
