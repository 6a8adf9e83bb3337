import { upperTail, Z_95 } from './normal'

/** One arm of a comparison: how many subjects, and how many of them converted. */
export interface ArmCounts {
  n: number
  converted: number
}

/** The lift of treatment over control when both arms have subjects. */
export interface LiftEstimate {
  /** Treatment rate − control rate (−1 … 1). */
  absolute: number
  /** `absolute` / control rate; null when the control rate is 0 (no finite ratio). */
  relative: number | null
  /** Newcombe's hybrid score 95% interval for `absolute` (method 10, Newcombe 1998). */
  ci95: [number, number]
  /** Two-sided pooled two-proportion z-test; 1 when both arms share one rate of 0 or 1 (nothing differs). */
  pValue: number
}

/** Why no estimate exists: an arm without subjects has no rate to compare. */
export type LiftUnavailable = 'treatment_empty' | 'control_empty' | 'both_empty'

/** The same keys as {@link LiftEstimate}, all null, plus the reason — never NaN. */
export interface NoLiftEstimate {
  absolute: null
  relative: null
  ci95: null
  pValue: null
  unavailable: LiftUnavailable
}

export type Lift = LiftEstimate | NoLiftEstimate

/** Input to {@link estimateLift}. */
export interface EstimateLiftInput {
  treatment: ArmCounts
  control: ArmCounts
}

/**
 * The Wilson score interval (no continuity correction) for `converted / n`, at `z` (default two-sided 95%).
 * Throws a RangeError for n = 0: a proportion of nobody has no interval.
 */
export function wilsonInterval(converted: number, n: number, z = Z_95): [number, number] {
  checkArm({ n, converted }, 'arm')
  if (n === 0) throw new RangeError('a Wilson interval needs n > 0')
  const p = converted / n
  const z2 = z * z
  const centre = 2 * n * p + z2
  const spread = z * Math.sqrt(z2 + 4 * n * p * (1 - p))
  const denominator = 2 * (n + z2)
  // At 0 or n conversions the bound is exactly 0 or 1; floating point would otherwise leave ±1e-17.
  const lo = converted === 0 ? 0 : (centre - spread) / denominator
  const hi = converted === n ? 1 : (centre + spread) / denominator
  return [lo, hi]
}

/**
 * Treatment against control: the rate difference, the relative lift, Newcombe's hybrid score 95% interval
 * (Wilson interval per arm, z = 1.959964; "method 10" of Newcombe 1998, Statistics in Medicine 17:873) and
 * the two-sided pooled two-proportion z-test. An arm with n = 0 gives a {@link NoLiftEstimate}.
 * Throws a RangeError when counts are not whole numbers with 0 ≤ converted ≤ n.
 */
export function estimateLift({ treatment, control }: EstimateLiftInput): Lift {
  checkArm(treatment, 'treatment')
  checkArm(control, 'control')
  if (treatment.n === 0 || control.n === 0) {
    const unavailable: LiftUnavailable = treatment.n === 0 && control.n === 0 ? 'both_empty' : treatment.n === 0 ? 'treatment_empty' : 'control_empty'
    return { absolute: null, relative: null, ci95: null, pValue: null, unavailable }
  }
  const p1 = treatment.converted / treatment.n
  const p2 = control.converted / control.n
  const absolute = p1 - p2
  const [l1, u1] = wilsonInterval(treatment.converted, treatment.n)
  const [l2, u2] = wilsonInterval(control.converted, control.n)
  const lo = absolute - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
  const hi = absolute + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
  return {
    absolute,
    relative: p2 === 0 ? null : absolute / p2,
    ci95: [Math.max(-1, lo), Math.min(1, hi)],
    pValue: pooledPValue(treatment, control),
  }
}

/** Two-sided p-value of the pooled two-proportion z-test (both arms non-empty). */
function pooledPValue(a: ArmCounts, b: ArmCounts): number {
  const pooled = (a.converted + b.converted) / (a.n + b.n)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n))
  // Pooled rate 0 or 1: both arms are all-or-nothing alike, so there is no difference to test.
  if (se === 0) return 1
  const z = Math.abs(a.converted / a.n - b.converted / b.n) / se
  return Math.min(1, 2 * upperTail(z))
}

function checkArm(arm: ArmCounts, name: string): void {
  const { n, converted } = arm
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name}.n must be a whole number ≥ 0`)
  if (!Number.isInteger(converted) || converted < 0 || converted > n) throw new RangeError(`${name}.converted must be a whole number from 0 to n`)
}
