import { describe, expect, it } from 'vitest'
import type { CohortMember, Program, Progress } from '../../../src/core'
import { computeInsights } from '../../../src/server/service'

const NOW = new Date('2026-06-15T10:00:00.000Z')
const program: Program = {
  id: 'p', version: '1', title: 'P', levels: [], badges: [],
  milestones: [{ id: 'm', title: 'M', category: 'onboarding', criterion: { kind: 'count', event: 'a', atLeast: 1 } }],
  signals: [
    { id: 'quiet', title: 'Went quiet', criterion: { kind: 'inactive', days: 14 } },
    { id: 'stuck', title: 'Stuck', criterion: { kind: 'stalled', days: 30 } },
  ],
}

function row(userId: string, signals: Progress['signals']): CohortMember {
  const progress: Progress = {
    programId: 'p', programVersion: '1', evaluatedAt: NOW.toISOString(), milestones: { m: { state: 'available', current: 0, target: 1 } },
    levels: [], badges: [], unlockedFeatures: [], nextSteps: [], ...(signals && { signals }),
  }
  return { subject: { userId, signedUpAt: '2026-05-01T00:00:00.000Z' }, progress }
}

describe('at risk in insights', () => {
  it('counts, per signal in program order, the people it is active for in their stored progress', () => {
    const rows = [
      row('a', [{ id: 'quiet', state: 'active', since: '2026-06-01T00:00:00.000Z' }, { id: 'stuck', state: 'active', since: '2026-06-10T00:00:00.000Z' }]),
      row('b', [{ id: 'quiet', state: 'clear', clearedAt: '2026-06-15T09:00:00.000Z' }, { id: 'stuck', state: 'active' }]),
      row('c', [{ id: 'quiet', state: 'active' }]),
      row('d', undefined),
    ]
    expect(computeInsights(program, rows, NOW).atRisk).toEqual([
      { signalId: 'quiet', title: 'Went quiet', kind: 'inactive', days: 14, active: 2 },
      { signalId: 'stuck', title: 'Stuck', kind: 'stalled', days: 30, active: 2 },
    ])
  })

  it('is left out when the program declares no signals', () => {
    const { signals: _signals, ...plain } = program
    expect(computeInsights(plain, [row('a', undefined)], NOW).atRisk).toBeUndefined()
  })
})
