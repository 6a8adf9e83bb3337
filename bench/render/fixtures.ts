import type { Source } from '../../src/client'
import type { MeProgress, Program } from '../../src/core'

export const LEVELS = 10
export const PER_LEVEL = 100

/** A program of 10 levels × 100 count milestones, a third achieved, the rest in progress or to do. */
export function bigProgram(): { program: Program; progress: MeProgress } {
  const milestones: Program['milestones'] = []
  const levels: Program['levels'] = []
  const states: MeProgress['milestones'] = {}
  for (let l = 0; l < LEVELS; l++) {
    const ids: string[] = []
    for (let m = 0; m < PER_LEVEL; m++) {
      const id = `m${l}-${m}`
      ids.push(id)
      milestones.push({ id, title: `Milestone ${l}.${m}`, category: 'adoption', criterion: { kind: 'count', event: `e${m}`, atLeast: 5 } })
      const n = l * PER_LEVEL + m
      states[id] = n % 3 === 0 ? { state: 'achieved', current: 5, target: 5, achievedAt: '2026-11-01T00:00:00.000Z' } : { state: n % 3 === 1 ? 'in_progress' : 'available', current: n % 3, target: 5 }
    }
    levels.push({ id: `l${l}`, title: `Level ${l + 1}`, milestones: ids })
  }
  const program: Program = { id: 'big', version: '1', title: 'Big', milestones, levels, badges: [] }
  const progress: MeProgress = {
    programId: 'big',
    programVersion: '1',
    evaluatedAt: '2026-12-01T00:00:00.000Z',
    milestones: states,
    levels: levels.map((level, i) => ({ id: level.id, state: i === 0 ? 'active' : 'locked', completed: 0, total: PER_LEVEL })),
    badges: [],
    unlockedFeatures: [],
    nextSteps: [],
    celebrations: [],
  }
  return { program, progress }
}

export function staticSource(snapshot: { program: Program; progress: MeProgress }): Source {
  return {
    load: async () => snapshot,
    subscribe: () => () => {},
    track: async () => {},
    ackCelebration: async () => {},
    digest: async () => Promise.reject(new Error('no digest in this benchmark')),
  }
}
