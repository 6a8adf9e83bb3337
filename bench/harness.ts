// Tiny benchmark harness: every benchmark times a candidate against a baseline in the same run and prints
// the ratio, so numbers stay comparable on shared, noisy machines (absolute timings are never asserted).

export interface BenchResult {
  name: string
  baseline: { label: string; ms: number }
  candidate: { label: string; ms: number }
  note?: string
  /** @default 'ms' */
  unit?: string
}

/** Median wall time of `fn` over `runs` runs after `warmup` runs. @default runs 7, warmup 2 */
export async function time(fn: () => unknown | Promise<unknown>, runs = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)] ?? 0
}

/** Prints one result as `name  baseline → candidate  (×ratio better)`. */
export function report(result: BenchResult): void {
  const ratio = result.baseline.ms / Math.max(result.candidate.ms, 1e-6)
  const unit = result.unit ?? 'ms'
  const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2)) + ' ' + unit
  console.log(
    `${result.name}\n  baseline  ${result.baseline.label}: ${fmt(result.baseline.ms)}\n  candidate ${result.candidate.label}: ${fmt(result.candidate.ms)}\n  ratio     ${ratio >= 1 ? `×${ratio.toFixed(1)} better` : `×${(1 / ratio).toFixed(1)} worse`}${result.note ? `\n  note      ${result.note}` : ''}\n`,
  )
}
