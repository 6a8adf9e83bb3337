import { describe, expect, it } from 'vitest'
import { evaluate } from '../../../src/core'
import { DAY, SIGNUP, at, single, subject } from './fixtures'

const thirtyDays = single({ kind: 'tenure', days: 30 })
const run = (now: string, overrides: Parameters<typeof subject>[0] = {}, program = thirtyDays) =>
  evaluate(program, [], { now, subject: subject(overrides) }).milestones.m

describe('tenure', () => {
  it('is achieved exactly days × 24 h after signup, not a millisecond earlier', () => {
    const due = Date.parse(SIGNUP) + 30 * DAY
    expect(run(new Date(due - 1).toISOString())).toMatchObject({ state: 'in_progress', current: 29, target: 30 })
    expect(run(new Date(due).toISOString())).toEqual({ state: 'achieved', current: 30, target: 30, achievedAt: at(30) })
  })

  it('counts whole 24-hour periods, not calendar days', () => {
    // Signed up 09:00 UTC; 23:59 the same day and 08:59 the next day are still day 0.
    expect(run(at(0, 14.98))).toMatchObject({ current: 0, state: 'available' })
    expect(run(at(1, -0.01))).toMatchObject({ current: 0 })
    expect(run(at(1))).toMatchObject({ current: 1, state: 'in_progress' })
  })

  it('keeps counting after it is achieved and keeps its first achievedAt', () => {
    expect(run(at(400))).toMatchObject({ state: 'achieved', current: 400, achievedAt: at(30) })
  })

  it('never reports a negative count before the anchor', () => {
    expect(run(at(-2))).toMatchObject({ current: 0, state: 'available' })
  })

  it('counts from the ISO date in the `from` trait', () => {
    const anniversary = single({ kind: 'tenure', days: 365, from: 'contractStart' })
    const traits = { contractStart: '2025-03-01' }
    expect(run('2026-02-28T23:59:59.999Z', { traits }, anniversary)).toMatchObject({ state: 'in_progress', current: 364 })
    expect(run('2026-03-01T00:00:00.000Z', { traits }, anniversary)).toMatchObject({ state: 'achieved', achievedAt: '2026-03-01T00:00:00.000Z' })
  })

  it('is ineligible when the `from` trait is missing or holds no ISO date', () => {
    const fromTrait = single({ kind: 'tenure', days: 10, from: 'contractStart' })
    expect(run(at(50), {}, fromTrait)?.state).toBe('ineligible')
    expect(run(at(50), { traits: { contractStart: '03/01/2025' } }, fromTrait)?.state).toBe('ineligible')
    expect(run(at(50), { traits: { contractStart: 20250301 } }, fromTrait)?.state).toBe('ineligible')
    expect(run(at(50), { traits: { contractStart: '2025-13-45' } }, fromTrait)?.state).toBe('ineligible')
  })

  it('makes an all/any milestone that contains it ineligible when its anchor is missing', () => {
    const combined = single({ kind: 'all', of: [{ kind: 'tenure', days: 1, from: 'x' }, { kind: 'count', event: 'a', atLeast: 1 }] })
    expect(run(at(5), {}, combined)?.state).toBe('ineligible')
  })
})
