// Authoring errors for time-based milestones, risk signals and suppression (DESIGN §7.1, §7.2).
import { describe, expect, it } from 'vitest'
import { parseProgram } from '../../src/core'
import { draft, errorsOf } from './program-drafts'

describe('time-based milestones, signals and suppression', () => {
  it('accepts tenure milestones, signals of every kind and suppression rules', () => {
    const program = draft()
    program.milestones.push({ id: 'year', title: 'One year', category: 'habit', criterion: { kind: 'tenure', days: 365, from: 'contractStart' } })
    program.signals = [
      { id: 'quiet', title: 'Went quiet', unit: 'account', criterion: { kind: 'inactive', days: 14 }, cta: { label: 'Open', href: '/tasks' } },
      { id: 'drop', title: 'Usage dropped', criterion: { kind: 'usage_drop', event: 'task_completed', days: 7, dropPercent: 50, minBefore: 4 } },
      { id: 'stuck', title: 'Stalled', criterion: { kind: 'stalled', days: 30 }, eligibility: { traits: { plan: ['team'] } } },
    ]
    program.suppress = { traits: { supportCase: ['open'] }, between: [{ start: 'support_case_opened', end: 'support_case_closed' }] }
    expect(parseProgram(program)).toMatchObject({ ok: true })
  })

  it('names bad day counts exactly', () => {
    const program = draft()
    program.milestones.push({ id: 'soon', title: 'Soon', category: 'habit', criterion: { kind: 'tenure', days: 1.5 } })
    program.signals = [{ id: 'quiet', title: 'Quiet', criterion: { kind: 'inactive', days: 0 } }]
    expect(errorsOf(program)).toEqual([
      { path: 'milestones[4].criterion.days', message: 'must be a positive integer' },
      { path: 'signals[0].criterion.days', message: 'must be a positive integer' },
    ])
  })

  it('says what `from` must hold when it is not a trait name', () => {
    const program = draft()
    program.milestones.push({ id: 'year', title: 'One year', category: 'habit', criterion: { kind: 'tenure', days: 365, from: 20250101 } })
    expect(errorsOf(program)).toEqual([{ path: 'milestones[4].criterion.from', message: 'must be the name of a trait holding an ISO date' }])
  })

  it('refuses dropPercent outside 1–100 and unknown signal kinds', () => {
    for (const dropPercent of [0, 100.5, -5, 250]) {
      const program = draft()
      program.signals = [{ id: 'drop', title: 'Drop', criterion: { kind: 'usage_drop', days: 7, dropPercent } }]
      expect(errorsOf(program)).toEqual([{ path: 'signals[0].criterion.dropPercent', message: 'must be a number from 1 to 100' }])
    }
    const program = draft()
    program.signals = [{ id: 'x', title: 'X', criterion: { kind: 'churned', days: 7 } }]
    expect(errorsOf(program)).toEqual([{ path: 'signals[0].criterion.kind', message: 'is not a known kind' }])
  })

  it('refuses a suppression window that starts and ends on the same event, or reuses an event of another window', () => {
    const program = draft()
    program.suppress = { between: [{ start: 'case_opened', end: 'case_opened' }, { start: 'pause', end: 'resume' }, { start: 'resume', end: 'other' }] }
    expect(errorsOf(program)).toEqual([
      { path: 'suppress.between[0].end', message: 'must differ from start: both name "case_opened"' },
      { path: 'suppress.between[2].start', message: 'event "resume" already opens or closes suppress.between[1]' },
    ])
  })

  it('refuses duplicate signal ids', () => {
    const program = draft()
    program.signals = [
      { id: 'quiet', title: 'Quiet', criterion: { kind: 'inactive', days: 7 } },
      { id: 'quiet', title: 'Quiet again', criterion: { kind: 'stalled', days: 7 } },
    ]
    expect(errorsOf(program)).toEqual([{ path: 'signals[1].id', message: 'duplicate id "quiet"' }])
  })
})
