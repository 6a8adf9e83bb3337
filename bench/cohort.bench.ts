// `npm run bench -- cohort`: how the cost of a progress request's benchmarks and of insights grows with the cohort
// (839 → 10,000 → 100,000 subjects; BENCH_COHORT_SIZES overrides, e.g. "839,10000"). Synthetic stored progress under
// the demo program (plans, signups over 120 days, milestones achieved over the weeks after signup), in memory: this
// measures the computation, not the database (`BENCH_ACCOUNTS=… npm run bench -- server` measures it end to end).
import {
  computeBenchmarks, computeSuccessMetrics, createSuccessAggregates, demoProgram, runSlices, type CohortMember, type Progress, type Sliced,
} from '../src/core'
import { createInsightAggregates } from '../src/server/service/insight-aggregates'
import { prepareBenchmarks } from '../src/server/service/prepared-benchmarks'
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
    // The preparation the cohort cache runs (every segment, badge rarity), timed whole and slice by slice: the whole
    // is what held the event loop when it ran in one piece; now the loop turns after every slice.
    const slices = await timeSlices(prepareBenchmarks(demoProgram, cohort))
    const { distribution } = slices.result
    results.push({
      name: `cohort: benchmarks preparation over ${size.toLocaleString('en')} subjects, event loop held at once`,
      baseline: { label: 'whole preparation in one piece (before)', ms: slices.total },
      candidate: { label: `longest slice between event-loop turns (${slices.count} slices, median ${slices.median.toFixed(1)} ms)`, ms: slices.longest },
      note: 'target: a few ms whatever the cohort size',
    })
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
      candidate: { label: 'prepared cohort distribution', ms: prepared },
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
    const loaders = [insights.load(), success.load()] as const
    // The same quarter as `retained` has an event in its retention window (the query's answer, kept per user now).
    cohort.forEach((member, i) => {
      loaders[0].add(member)
      loaders[1].add(member, i % 4 === 0)
    })
    for (const loader of loaders) for (const step of loader.finish()) step()
    const aggregateBuild = performance.now() - aggregateStart
    const read = timeSync(() => insights.read(now), 301)
    // Success metrics read retention from the kept per-user window events too (the scan is given the query's answer).
    const successRead = timeSync(() => success.read(now), 301)
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
    results.push(heldMemory(size))
  }
  return results
}

/**
 * Runs sliced work to its end as the server does — a turn of the event loop (`setImmediate`) between slices, which
 * also lets V8 mark incrementally — timing each slice.
 */
async function timeSlices<T>(work: Sliced<T>): Promise<{ result: T; total: number; median: number; longest: number; count: number }> {
  const slices: number[] = []
  for (;;) {
    const start = performance.now()
    const step = work.next()
    slices.push(performance.now() - start)
    if (step.done) {
      const sorted = [...slices].sort((x, y) => x - y)
      return { result: step.value, total: slices.reduce((sum, ms) => sum + ms, 0), median: sorted[sorted.length >> 1]!, longest: sorted.at(-1)!, count: slices.length }
    }
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** Heap and typed-array memory in use after full collections (needs `node --expose-gc`, as `npm run bench` runs). */
function heldMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('run with node --expose-gc (npm run bench does)')
  gc()
  gc()
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return (heapUsed + arrayBuffers) / 1e6
}

/**
 * What the cohort cache holds beside the rows themselves, built as it builds them: prepared benchmarks (distribution
 * and badge rarity), insight aggregates and success aggregates, each measured as the growth of the collected heap.
 */
function heldMemory(size: number): BenchResult {
  const held: unknown[] = [] // everything measured stays reachable until the last measurement
  const growth = (build: () => unknown) => {
    const before = heldMb()
    held.push(build())
    return heldMb() - before
  }
  let cohort: CohortMember[] = []
  const rows = growth(() => (cohort = syntheticCohort(size)))
  const benchmarks = growth(() => runSlices(prepareBenchmarks(demoProgram, cohort)))
  const load = <T extends { load(): { add(member: CohortMember): void; finish(): (() => void)[] } }>(aggregates: T) => {
    const loader = aggregates.load()
    for (const member of cohort) loader.add(member)
    for (const step of loader.finish()) step()
    return aggregates
  }
  const insights = growth(() => load(createInsightAggregates(demoProgram)))
  const success = growth(() => load(createSuccessAggregates(demoProgram)))
  held.length = 0
  const mb = (value: number) => `${value.toFixed(1)} MB`
  return {
    name: `cohort: memory held over ${size.toLocaleString('en')} subjects (heap + typed arrays after gc)`,
    baseline: { label: 'the cohort rows themselves (synthetic: milestones only)', ms: rows },
    candidate: { label: `prepared benchmarks ${mb(benchmarks)} + insight aggregates ${mb(insights)} + success aggregates ${mb(success)}`, ms: benchmarks + insights + success },
    unit: 'MB',
  }
}

export const cohortBenchmarks = [cohortScale]
