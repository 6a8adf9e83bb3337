import { normalQuantile } from './normal'

/** Input to {@link sampleSizeForEffect}. */
export interface SampleSizeInput {
  /** The conversion rate without the program (0–1); the pooled observed rate is a good stand-in. */
  baseRate: number
  /** The difference worth detecting, in rate units. @default 0.05 (five percentage points) */
  effect?: number
  /** Share of subjects in the control (holdout) arm, 0 < share < 1. */
  controlShare: number
  /** Two-sided significance level. @default 0.05 */
  alpha?: number
  /** Chance of detecting a true effect of that size. @default 0.8 */
  power?: number
}

/** Subjects needed per arm and in total (whole numbers, rounded up). */
export interface SampleSize {
  treatment: number
  control: number
  total: number
}

/**
 * How many subjects a two-sided pooled two-proportion z-test needs to detect `effect` with the given power,
 * when `controlShare` of them land in the control arm (Fleiss' formula for unequal groups). The alternative
 * rate is baseRate + effect, or baseRate − effect when that would pass 1.
 */
export function sampleSizeForEffect({ baseRate, effect = 0.05, controlShare, alpha = 0.05, power = 0.8 }: SampleSizeInput): SampleSize {
  if (!(baseRate >= 0 && baseRate <= 1)) throw new RangeError('baseRate must be between 0 and 1')
  if (!(effect > 0 && effect < 1)) throw new RangeError('effect must be between 0 and 1 (exclusive)')
  if (!(controlShare > 0 && controlShare < 1)) throw new RangeError('controlShare must be between 0 and 1 (exclusive)')
  if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) throw new RangeError('alpha and power must be between 0 and 1 (exclusive)')
  const pc = baseRate
  const pt = baseRate + effect <= 1 ? baseRate + effect : baseRate - effect
  const fc = controlShare
  const ft = 1 - controlShare
  const pooled = fc * pc + ft * pt
  const zAlpha = normalQuantile(1 - alpha / 2)
  const zBeta = normalQuantile(power)
  const null_ = Math.sqrt(pooled * (1 - pooled) * (1 / fc + 1 / ft))
  const alternative = Math.sqrt((pc * (1 - pc)) / fc + (pt * (1 - pt)) / ft)
  const total = ((zAlpha * null_ + zBeta * alternative) / (pt - pc)) ** 2
  const control = Math.ceil(total * fc)
  const treatment = Math.ceil(total * ft)
  return { treatment, control, total: treatment + control }
}

/**
 * How many more subjects (split `controlShare` to control, the rest to treatment, as new sign-ups are)
 * until both arms reach the size {@link sampleSizeForEffect} asks for; 0 when they already have.
 */
export function moreSubjectsNeeded(have: { treatment: number; control: number }, input: SampleSizeInput): number {
  const need = sampleSizeForEffect(input)
  const forControl = Math.max(0, need.control - have.control) / input.controlShare
  const forTreatment = Math.max(0, need.treatment - have.treatment) / (1 - input.controlShare)
  return Math.ceil(Math.max(forControl, forTreatment))
}
