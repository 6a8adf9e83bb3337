import { describe, expect, it } from 'vitest'
import { demoProgram, type MeProgress } from '../../src/core'
import {
  replaceEqualDeep,
  selectBadges,
  selectBenchmarks,
  selectCurrentLevel,
  selectLevelView,
  selectLevels,
  selectMilestone,
  selectNextStep,
  selectOverall,
  selectPendingCelebrations,
  selectStatus,
  selectValue,
  type CairnState,
} from '../../src/store'
import { celebration, meProgress } from '../client/progress-fixture'

function state(progress: MeProgress | null, extra: Partial<CairnState> = {}): CairnState {
  return { status: progress ? 'ready' : 'loading', program: progress ? demoProgram : null, progress, error: null, seenCelebrations: {}, ...extra }
}

function progressWith(change: (p: MeProgress) => void): MeProgress {
  const p = meProgress()
  change(p)
  return p
}

describe('selectors before anything is loaded', () => {
  it('return empty, stable values instead of throwing', () => {
    const s = state(null)
    expect(selectStatus(s)).toBe('loading')
    expect(selectMilestone('first-project')(s)).toBeUndefined()
    expect(selectLevels(s)).toEqual([])
    expect(selectLevels(s)).toBe(selectLevels(state(null)))
    expect(selectLevelView('getting-started')(s)).toBeUndefined()
    expect(selectCurrentLevel(s)).toBeUndefined()
    expect(selectOverall(s)).toEqual({ completed: 0, total: 0, percent: 0 })
    expect(selectNextStep(s)).toBeUndefined()
    expect(selectBadges(s)).toEqual({ earned: [], locked: [] })
    expect(selectPendingCelebrations(s)).toEqual([])
  })
})

describe('selectLevelView', () => {
  it('joins a level’s progress with its title and milestone titles from the program', () => {
    const view = selectLevelView('building-momentum')(state(meProgress()))
    expect(view).toMatchObject({ id: 'building-momentum', title: 'Building momentum', position: 2, state: 'locked', completed: 0, total: 3 })
    expect(view?.milestones.map((m) => m.id)).toEqual(['ten-tasks-done', 'three-projects', 'three-features'])
    expect(view?.milestones[0]?.title).toBe('Complete 10 tasks')
    expect(view?.unlocks?.badge).toBe('productive')
  })

  it('returns the same object until that level changes', () => {
    const first = state(meProgress())
    const view = selectLevelView('getting-started')(first)
    const otherMilestoneMoved = progressWith((p) => (p.milestones['seven-day-habit'] = { state: 'in_progress', current: 2, target: 7 }))
    const second = state(replaceEqualDeep(first.progress, otherMilestoneMoved), { program: first.program })
    expect(selectLevelView('getting-started')(second)).toBe(view)
    const levelMoved = progressWith((p) => (p.levels[0] = { ...p.levels[0]!, completed: 1 }))
    const third = state(replaceEqualDeep(second.progress, levelMoved), { program: first.program })
    expect(selectLevelView('getting-started')(third)).not.toBe(view)
    expect(selectLevelView('getting-started')(third)?.completed).toBe(1)
  })
})

describe('selectCurrentLevel', () => {
  it('is the first active level', () => {
    const p = progressWith((p) => {
      p.levels[0]!.state = 'complete'
      p.levels[1]!.state = 'active'
    })
    expect(selectCurrentLevel(state(p))?.id).toBe('building-momentum')
  })

  it('is the last level once every level is complete', () => {
    const p = progressWith((p) => p.levels.forEach((l) => (l.state = 'complete')))
    expect(selectCurrentLevel(state(p))?.id).toBe('power-user')
  })
})

describe('selectOverall', () => {
  it('counts achieved among counted milestones, leaving missed and ineligible ones out', () => {
    const p = progressWith((p) => {
      p.milestones['first-project'] = { state: 'achieved', current: 1, target: 1, achievedAt: '2026-05-01T10:00:00.000Z' }
      p.milestones['five-tasks'] = { state: 'achieved', current: 5, target: 5, achievedAt: '2026-05-01T11:00:00.000Z' }
      p.milestones['finish-setup'] = { state: 'missed', current: 2, target: 3 }
      p.milestones['three-active-teammates'] = { state: 'ineligible', current: 0, target: 3 }
    })
    const timeBased = demoProgram.milestones.filter((m) => m.criterion.kind === 'tenure').length
    const total = demoProgram.milestones.length - 2 - timeBased
    expect(selectOverall(state(p))).toEqual({ completed: 2, total, percent: Math.floor((200 / total)) })
  })

  it('keeps the same object when an update changes no count, so the widget panel does not re-render', () => {
    const before = progressWith((p) => {
      p.milestones['five-tasks'] = { state: 'in_progress', current: 2, target: 5 }
    })
    const after = progressWith((p) => {
      p.milestones['five-tasks'] = { state: 'in_progress', current: 3, target: 5 }
    })
    const first = selectOverall(state(before))
    expect(after.milestones).not.toBe(before.milestones)
    expect(selectOverall(state(after))).toBe(first)
  })

  it('leaves out milestones time alone achieves (tenure), achieved or not', () => {
    const p = progressWith((p) => {
      for (const id of Object.keys(p.milestones)) p.milestones[id] = { state: 'achieved', current: 1, target: 1, achievedAt: '2026-05-01T10:00:00.000Z' }
      p.milestones['one-year'] = { state: 'in_progress', current: 200, target: 365 }
    })
    expect(selectOverall(state(p))).toMatchObject({ percent: 100 })
  })

  it('rounds down so 100% only ever means done', () => {
    const p = progressWith((p) => {
      for (const id of Object.keys(p.milestones)) p.milestones[id] = { state: 'achieved', current: 1, target: 1, achievedAt: '2026-05-01T10:00:00.000Z' }
      p.milestones['time-saved'] = { state: 'in_progress', current: 49, target: 50 }
    })
    expect(selectOverall(state(p)).percent).toBe(92) // 13 of 14 = 92.86
  })

  it('is the same object while milestones are unchanged', () => {
    const p = meProgress()
    expect(selectOverall(state(p))).toBe(selectOverall(state(p)))
  })
})

describe('selectBadges', () => {
  it('splits the program’s badges into earned (with dates) and locked, in program order', () => {
    const p = meProgress({ badges: [{ id: 'productive', earnedAt: '2026-05-02T00:00:00.000Z' }] })
    const shelf = selectBadges(state(p))
    expect(shelf.earned).toEqual([expect.objectContaining({ id: 'productive', title: 'Productive', earnedAt: '2026-05-02T00:00:00.000Z' })])
    expect(shelf.locked.map((b) => b.id)).toEqual(['organized', 'power-user'])
    expect(selectBadges(state(p))).toBe(shelf)
  })
})

describe('simple slices', () => {
  it('select the next step, benchmarks and value straight from progress', () => {
    const p = meProgress({
      benchmarks: { cohortSize: 40, percentile: 80, typicalAchievedAtStage: 2, milestones: {} },
      value: { minutesSaved: 120, moneySaved: 120, currency: 'USD' },
    })
    expect(selectNextStep(state(p))).toBe(p.nextSteps[0])
    expect(selectBenchmarks(state(p))).toBe(p.benchmarks)
    expect(selectValue(state(p))).toBe(p.value)
  })
})

describe('selectPendingCelebrations', () => {
  it('leaves out acknowledged ones', () => {
    const p = meProgress({ celebrations: [celebration('milestone', 'first-project'), celebration('badge', 'organized')] })
    const pending = selectPendingCelebrations(state(p, { seenCelebrations: { 'badge:organized': true } }))
    expect(pending.map((c) => c.id)).toEqual(['milestone:first-project'])
  })
})

describe('derived selectors with several stores on one page', () => {
  it('stay stable for each store when two stores are read in turns', () => {
    const a = state(meProgress({ badges: [{ id: 'organized', earnedAt: '2026-05-01T00:00:00.000Z' }] }))
    const b = state(meProgress())
    const read = (s: CairnState) => [selectBadges(s), selectOverall(s), selectLevelView('getting-started')(s)]
    const first = read(a)
    read(b)
    read(a).forEach((value, i) => expect(value).toBe(first[i]))
  })
})

describe('replaceEqualDeep', () => {
  it('returns the previous object when nothing changed', () => {
    const before = meProgress()
    expect(replaceEqualDeep(before, meProgress())).toBe(before)
  })

  it('notices added and removed keys', () => {
    const before = { a: 1 } as Record<string, number | undefined>
    expect(replaceEqualDeep(before, { a: 1, b: undefined })).not.toBe(before)
    expect(replaceEqualDeep({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 })
  })
})
