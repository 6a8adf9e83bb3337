// The standard normal distribution, to the precision the lift statistics print (4 decimals) and better.

/** z for a two-sided 95% interval (the 97.5th percentile), as Newcombe (1998) uses it. */
export const Z_95 = 1.959964

/** P(Z > z) for a standard normal Z (W. J. Cody's rational erfc approximation via Numerical Recipes' erfcc, |error| < 1.2e-7). */
export function upperTail(z: number): number {
  return erfc(z / Math.SQRT2) / 2
}

function erfc(x: number): number {
  const ax = Math.abs(x)
  const t = 1 / (1 + 0.5 * ax)
  const r =
    t *
    Math.exp(
      -ax * ax -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    )
  return x >= 0 ? r : 2 - r
}

/**
 * The z with P(Z ≤ z) = p, 0 < p < 1 (Acklam's rational approximation, relative error < 1.2e-9).
 * Used for the power calculation's z values (e.g. 0.8 power → 0.8416).
 */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const low = 0.02425
  const poly = (k: number[], x: number) => k.reduce((sum, coefficient) => sum * x + coefficient, 0)
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p))
    return poly(c, q) / (poly(d, q) * q + 1)
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p))
    return -poly(c, q) / (poly(d, q) * q + 1)
  }
  const q = p - 0.5
  const r = q * q
  return (poly(a, r) * q) / (poly(b, r) * r + 1)
}
