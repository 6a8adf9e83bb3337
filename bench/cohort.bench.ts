// `npm run bench -- cohort`: how the cost of a progress request's benchmarks and of insights grows with the cohort
// (839 → 10,000 → 100,000 subjects; BENCH_COHORT_SIZES overrides, e.g. "839,10000"). Synthetic stored progress under
// the demo program (plans, signups over 120 days, milestones achieved over the weeks after signup), in memory: this
// measures the computation, not the database (`BENCH_ACCOUNTS=… npm run bench -- server` measures it end to end).
import {
  computeBenchmarks, computeSuccessMetrics, createCohortDistribution, createSuccessAggregates, demoProgram, type CohortMember, type Progress,
} from '../src/core'
import { createInsightAggregates } from '../src/server/service/insight-aggregates'
import { computeInsights } from '../src/server/service/insights'
import type { BenchResult } from './harness'

const DAY_MS = 24 * 60 * 60 * 1000
const NOW = Date.parse('2026-12-02T12:00:00.000Z')
const SIZES = (process.env.BENCH_COHORT_SIZES ?? '839,10000,100000').split(',').map(Number)
const QUESTIONS = 50

/** A deterministic PRNG (mulberry32), so every run measures the same cohort. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function syntheticCohort(size: number): CohortMember[] {
  const next = random(size)
  const plans = ['free', 'team', 'business']
  return Array.from({ length: size }, (_, i) => {
    const signedUp = NOW - Math.floor(next() * 120 * DAY_MS)
    const pace = 0.5 + next() * 4
    const milestones: Progress['milestones'] = {}
    demoProgram.milestones.forEach((milestone, m) => {
      const at = signedUp + Math.floor((m + next()) * pace * DAY_MS)
      milestones[milestone.id] =
        next() < 0.05
          ? { state: 'ineligible', current: 0, target: 1 }
          : at <= NOW && next() < 0.8
            ? { state: 'achieved', current: 1, target: 1, achievedAt: new Date(at).toISOString() }
            : { state: 'available', current: 0, target: 1 }
    })
    const progress: Progress = {
      programId: demoProgram.id, programVersion: demoProgram.version, evaluatedAt: new Date(NOW).toISOString(),
      milestones, levels: [], badges: [], unlockedFeatures: [], nextSteps: [],
    }
    return { subject: { userId: `u${i}`, accountId: `a${i}`, signedUpAt: new Date(signedUp).toISOString(), traits: { plan: plans[i % 3]! } }, progress }
  })
}

/** Median milliseconds of `fn` over `runs` calls. */
function timeSync(fn: () => unknown, runs: number): number {
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    samples.push(performance.now() - start)
  }
  return samples.sort((a, b) => a - b)[samples.length >> 1]!
}

export async function cohortScale(): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  for (const size of SIZES) {
    const cohort = syntheticCohort(size)
    const askers = cohort.filter((_, i) => i % Math.max(1, Math.floor(size / QUESTIONS)) === 0).slice(0, QUESTIONS)
    const now = new Date(NOW)
    const buildStart = performance.now()
    const distribution = createCohortDistribution(demoProgram, cohort)
    distribution.benchmarks(askers[0]!.subject, askers[0]!.progress, now) // builds the asker's segment
    const build = performance.now() - buildStart
    let turn = 0
    const ask = () => askers[turn++ % askers.length]!
    const scan = timeSync(() => {
      const { subject, progress } = ask()
      computeBenchmarks({ program: demoProgram, subject, progress, cohort, now })
    }, size >= 100_000 ? 9 : 31)
    const prepared = timeSync(() => {
      const { subject, progress } = ask()
      distribution.benchmarks(subject, progress, now)
    }, 301)
    results.push({
      name: `cohort: benchmarks of one progress request, ${size.toLocaleString('en')} subjects (demo program)`,
      baseline: { label: 'computeBenchmarks, scanning the cohort (before)', ms: scan },
      candidate: { label: `prepared cohort distribution (built once per refresh in ${build.toFixed(0)} ms for one segment)`, ms: prepared },
      note: 'target: flat in cohort size',
    })
    // Insights: the per-request scan (before) against reading the incrementally kept aggregates (now), and what
    // keeping them costs: the first build, and one member's row changing (old contribution out, new one in).
    const retained = new Set(cohort.filter((_, i) => i % 4 === 0).map((m) => m.subject.accountId ?? m.subject.userId))
    const scanInsights = timeSync(() => {
      computeInsights(demoProgram, cohort, now)
      computeSuccessMetrics(demoProgram, cohort, retained, now)
    }, size >= 100_000 ? 3 : 7)
    const aggregateStart = performance.now()
    const insights = createInsightAggregates(demoProgram)
    const success = createSuccessAggregates(demoProgram)
    // As the cohort cache builds them: in bulk (the cache yields between slices and steps).
    const loaders = [insights.load(), success.load()]
    for (const member of cohort) for (const loader of loaders) loader.add(member)
    for (const loader of loaders) for (const step of loader.finish()) step()
    const aggregateBuild = performance.now() - aggregateStart
    const read = timeSync(() => insights.read(now), 301)
    // Success metrics also pass once over the retained units the retention query returns (a quarter of them here).
    const successRead = timeSync(() => success.read(retained, now), 301)
    let changed = 0
    const update = timeSync(() => {
      const i = (changed++ * 7919) % cohort.length
      const before = cohort[i]!
      const after = cohort[(i + 1) % cohort.length]!
      const moved = { subject: before.subject, progress: after.progress }
      insights.remove(before)
      insights.add(moved)
      success.set(moved)
      cohort[i] = moved
    }, 301)
    results.push({
      name: `cohort: insights and success metrics over ${size.toLocaleString('en')} subjects (computation only)`,
      baseline: { label: 'computeInsights + computeSuccessMetrics, scanning per request (before)', ms: scanInsights },
      candidate: {
        label: `insights read from incrementally kept aggregates (success metrics ${successRead.toFixed(2)} ms; built once in ${aggregateBuild.toFixed(0)} ms; one member update ${(update * 1000).toFixed(0)} µs)`,
        ms: read,
      },
      note: 'target: flat or logarithmic in cohort size',
    })
  }
  return results
}

export const cohortBenchmarks = [cohortScale]
