import { demoProgram, type Celebration, type MeProgress } from '../../src/core'

export const EVALUATED_AT = '2026-05-01T12:00:00.000Z'

/** A valid `GET /v1/me/progress` body for the demo program: nothing done yet, level 1 active. */
export function meProgress(overrides: Partial<MeProgress> = {}): MeProgress {
  return {
    programId: demoProgram.id,
    programVersion: demoProgram.version,
    evaluatedAt: EVALUATED_AT,
    milestones: Object.fromEntries(demoProgram.milestones.map((m) => [m.id, { state: 'available', current: 0, target: 1 }])),
    levels: demoProgram.levels.map((level, i) => ({
      id: level.id,
      state: i === 0 ? 'active' : 'locked',
      completed: 0,
      total: level.milestones.length,
    })),
    badges: [],
    unlockedFeatures: [],
    nextSteps: [{ milestoneId: 'first-project', title: 'Create your first project', reason: 'Start here' }],
    celebrations: [],
    ...overrides,
  }
}

export function celebration(kind: Celebration['kind'], refId: string, extra: Partial<Celebration> = {}): Celebration {
  return { id: `${kind}:${refId}`, kind, refId, title: refId, style: 'toast', priority: 0, achievedAt: EVALUATED_AT, ...extra }
}
