import { estimateLift, moreSubjectsNeeded, sampleSizeForEffect, wilsonInterval, type LiftEstimate, type NoLiftEstimate } from '../../../src/core'

const arms = (t: [number, number], c: [number, number]) => ({ treatment: { converted: t[0], n: t[1] }, control: { converted: c[0], n: c[1] } })
const estimate = (t: [number, number], c: [number, number]) => estimateLift(arms(t, c)) as LiftEstimate

describe('estimateLift: Newcombe (1998) Table II, method 10 (hybrid score, no continuity correction)', () => {
  // Newcombe RG. Interval estimation for the difference between independent proportions: comparison of eleven
  // methods. Statistics in Medicine 1998;17:873–890, Table II, rows (a)–(h), to the 4 decimals printed there.
  const table: [string, [number, number], [number, number], number, number, number][] = [
    ['(a) 56/70 − 48/80', [56, 70], [48, 80], 0.2, 0.0524, 0.3339],
    ['(b) 9/10 − 3/10', [9, 10], [3, 10], 0.6, 0.1705, 0.809],
    ['(c) 6/7 − 2/7', [6, 7], [2, 7], 4 / 7, 0.0582, 0.8062],
    ['(d) 5/56 − 0/29', [5, 56], [0, 29], 5 / 56, -0.0381, 0.1926],
    ['(e) 0/10 − 0/20', [0, 10], [0, 20], 0, -0.1611, 0.2775],
    ['(f) 0/10 − 0/10', [0, 10], [0, 10], 0, -0.2775, 0.2775],
    ['(g) 10/10 − 0/20', [10, 10], [0, 20], 1, 0.6791, 1],
    ['(h) 10/10 − 0/10', [10, 10], [0, 10], 1, 0.6075, 1],
  ]
  for (const [name, t, c, difference, lo, hi] of table) {
    it(`${name} → ${lo.toFixed(4)} to ${hi.toFixed(4)}`, () => {
      const lift = estimate(t, c)
      expect(lift.absolute).toBeCloseTo(difference, 10)
      expect(lift.ci95[0]).toBeCloseTo(lo, 4)
      expect(lift.ci95[1]).toBeCloseTo(hi, 4)
    })
  }
})

describe('estimateLift: the pooled two-proportion z-test', () => {
  // Reference values from Python's math.erfc on the same pooled z (an independent erfc implementation).
  it.each([
    [[56, 70], [48, 80], 0.008045081],
    [[9, 10], [3, 10], 0.006169899],
    [[6, 7], [2, 7], 0.030753561],
    [[5, 56], [0, 29], 0.097186568],
    [[120, 1000], [100, 1000], 0.152917782],
  ] as [[number, number], [number, number], number][])('%j vs %j → p = %f', (t, c, p) => {
    expect(estimate(t, c).pValue).toBeCloseTo(p, 6)
  })

  it('is 1 when both arms are all-or-nothing alike (no difference to test)', () => {
    expect(estimate([0, 10], [0, 20]).pValue).toBe(1)
    expect(estimate([7, 7], [3, 3]).pValue).toBe(1)
  })

  it('is symmetric: swapping the arms flips the difference, not the p-value', () => {
    const a = estimate([30, 100], [20, 100])
    const b = estimate([20, 100], [30, 100])
    expect(b.absolute).toBeCloseTo(-a.absolute, 12)
    expect(b.pValue).toBeCloseTo(a.pValue, 12)
    expect(b.ci95[0]).toBeCloseTo(-a.ci95[1], 12)
  })
})

describe('estimateLift: relative lift and edge cases', () => {
  it('relative = absolute / control rate', () => {
    expect(estimate([30, 100], [20, 100]).relative).toBeCloseTo(0.5, 12)
  })

  it('relative is null when the control rate is 0', () => {
    const lift = estimate([5, 56], [0, 29])
    expect(lift.relative).toBeNull()
    expect(Number.isFinite(lift.ci95[0])).toBe(true)
  })

  it('handles n conversions in both arms and tiny arms without NaN', () => {
    for (const [t, c] of [[[1, 1], [1, 1]], [[0, 1], [1, 1]], [[1, 2], [0, 1]], [[10, 10], [10, 10]]] as [[number, number], [number, number]][]) {
      const lift = estimate(t, c)
      for (const value of [lift.absolute, lift.ci95[0], lift.ci95[1], lift.pValue]) expect(Number.isFinite(value)).toBe(true)
      expect(lift.ci95[0]).toBeGreaterThanOrEqual(-1)
      expect(lift.ci95[1]).toBeLessThanOrEqual(1)
      expect(lift.ci95[0]).toBeLessThanOrEqual(lift.absolute)
      expect(lift.ci95[1]).toBeGreaterThanOrEqual(lift.absolute)
    }
  })

  it('an empty arm gives a typed "unavailable" result with every figure null', () => {
    expect(estimateLift(arms([3, 10], [0, 0]))).toEqual({ absolute: null, relative: null, ci95: null, pValue: null, unavailable: 'control_empty' })
    expect((estimateLift(arms([0, 0], [3, 10])) as NoLiftEstimate).unavailable).toBe('treatment_empty')
    expect((estimateLift(arms([0, 0], [0, 0])) as NoLiftEstimate).unavailable).toBe('both_empty')
  })

  it('refuses impossible counts with a RangeError naming the arm', () => {
    expect(() => estimateLift(arms([11, 10], [0, 10]))).toThrow(/treatment\.converted/)
    expect(() => estimateLift(arms([1, 10], [0, -1]))).toThrow(/control\.n/)
    expect(() => estimateLift(arms([1.5, 10], [0, 10]))).toThrow(RangeError)
  })
})

describe('wilsonInterval', () => {
  it('matches Newcombe (1998b) Table I examples', () => {
    // Newcombe, Two-sided confidence intervals for the single proportion, Stat Med 1998;17:857 — 81/263, 15/148, 0/20, 1/29.
    const cases: [number, number, number, number][] = [[81, 263, 0.2553, 0.3662], [15, 148, 0.0624, 0.1605], [0, 20, 0, 0.1611], [1, 29, 0.0061, 0.1718]]
    for (const [k, n, lo, hi] of cases) {
      const [l, h] = wilsonInterval(k, n)
      expect(l).toBeCloseTo(lo, 4)
      expect(h).toBeCloseTo(hi, 4)
    }
  })
})

describe('sampleSizeForEffect and moreSubjectsNeeded', () => {
  it('matches the textbook equal-groups figure (50% → 55%, α 0.05, power 0.8: 1,565 per arm)', () => {
    expect(sampleSizeForEffect({ baseRate: 0.5, effect: 0.05, controlShare: 0.5 })).toEqual({ treatment: 1565, control: 1565, total: 3130 })
  })

  it('needs more subjects in total when the control arm is a small holdout', () => {
    const even = sampleSizeForEffect({ baseRate: 0.3, controlShare: 0.5 })
    const holdout = sampleSizeForEffect({ baseRate: 0.3, controlShare: 0.1 })
    expect(holdout.total).toBeGreaterThan(even.total * 2)
    expect(holdout.control / holdout.total).toBeCloseTo(0.1, 2)
  })

  it('turns to the lower alternative near a rate of 1', () => {
    const size = sampleSizeForEffect({ baseRate: 0.98, controlShare: 0.5 })
    expect(Number.isFinite(size.total)).toBe(true)
    expect(size.total).toBeGreaterThan(0)
  })

  it('counts how many more sign-ups fill the scarcer arm, and 0 once both arms are large enough', () => {
    const input = { baseRate: 0.4, controlShare: 0.1 }
    const need = sampleSizeForEffect(input)
    expect(moreSubjectsNeeded({ treatment: 0, control: 0 }, input)).toBeGreaterThanOrEqual(need.total)
    expect(moreSubjectsNeeded({ treatment: need.treatment, control: need.control - 10 }, input)).toBe(100)
    expect(moreSubjectsNeeded({ treatment: need.treatment, control: need.control }, input)).toBe(0)
  })

  it('refuses meaningless inputs', () => {
    expect(() => sampleSizeForEffect({ baseRate: 1.2, controlShare: 0.1 })).toThrow(RangeError)
    expect(() => sampleSizeForEffect({ baseRate: 0.2, controlShare: 0 })).toThrow(RangeError)
  })
})
