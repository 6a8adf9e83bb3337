// The insights funnel's arithmetic, without a browser: one scale, changes across level boundaries, rises kept.
import { describe, expect, test } from 'vitest'
import type { Insights } from '../../src/core'
import { funnelOf } from '../../src/demo/charts/funnel'

const step = (milestoneId: string, reached: number) => ({ milestoneId, title: milestoneId.toUpperCase(), reached, dropOff: 0 })
const milestone = (id: string, eligible: number) => ({ id, title: id, completionRate: 0, achieved: 0, eligible, medianDaysToAchieve: null })

const insights: Insights = {
  generatedAt: '2026-03-11T12:00:00.000Z',
  subjects: 120,
  milestones: [milestone('a', 100), milestone('b', 100), milestone('c', 100), milestone('d', 100)],
  levels: [
    { id: 'one', title: 'One', steps: [step('a', 80), step('b', 60)] },
    { id: 'two', title: 'Two', steps: [step('c', 30), step('d', 45)] },
  ],
  velocity: [],
}

describe('funnelOf', () => {
  test('puts every step on one scale: the share of the people who could start the first step', () => {
    const funnel = funnelOf(insights)
    expect(funnel.start).toBe(100)
    expect(funnel.steps.map((s) => s.ofStart)).toEqual([0.8, 0.6, 0.3, 0.45])
  })

  test('compares each step with the one above it, across the level boundary too', () => {
    const [a, b, c] = funnelOf(insights).steps
    expect(a?.change).toBeUndefined()
    expect(b?.change).toBeCloseTo(-0.25)
    expect(c).toMatchObject({ crossesLevel: true, levelTitle: 'Two' })
    expect(c?.change).toBeCloseTo(-0.5)
  })

  test('keeps a rise as a positive change instead of hiding it', () => {
    expect(funnelOf(insights).steps[3]?.change).toBeCloseTo(0.5)
  })

  test('starts from everyone in the program when the first step has no eligibility figure', () => {
    expect(funnelOf({ ...insights, milestones: [] }).start).toBe(120)
  })
})
