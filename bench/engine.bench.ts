import { createIncrementalEvaluator, demoProgram, evaluate, type CairnEvent, type Subject } from '../src/core'
import { report, time, type BenchResult } from './harness'

const EVENT_NAMES = ['project_created', 'task_added', 'task_completed', 'teammate_invited', 'feature_used', 'logged_in', 'report_generated']
const DAY_MS = 86_400_000

/** A deterministic stream: a busy team's year of usage. */
function syntheticEvents(count: number, subject: Subject, startMs: number): CairnEvent[] {
  let seed = 42
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
  return Array.from({ length: count }, (_, i) => ({
    id: `e${i}`,
    name: EVENT_NAMES[Math.floor(random() * EVENT_NAMES.length)]!,
    userId: random() < 0.7 ? subject.userId : `teammate-${Math.floor(random() * 5)}`,
    accountId: subject.accountId,
    timestamp: new Date(startMs + Math.floor(random() * 360 * DAY_MS)).toISOString(),
    properties: { feature: `f${Math.floor(random() * 6)}` },
  }))
}

/** The server's hot path: one new event for a subject with a long history. */
export async function incrementalVsFull(): Promise<BenchResult> {
  const start = Date.parse('2025-01-01T00:00:00Z')
  const subject: Subject = { userId: 'u1', accountId: 'a1', signedUpAt: new Date(start).toISOString(), traits: { plan: 'team' } }
  const history = syntheticEvents(5_000, subject, start)
  const fresh = syntheticEvents(5_100, subject, start).slice(5_000).map((e, i) => ({ ...e, id: `new${i}` }))
  const now = new Date(start + 366 * DAY_MS)

  const full = await time(() => {
    const all = [...history]
    for (const event of fresh) {
      all.push(event)
      evaluate(demoProgram, all, { now, subject })
    }
  }, 3, 1)
  const incremental = await time(() => {
    const evaluator = createIncrementalEvaluator(demoProgram, subject, history)
    evaluator.progress(now)
    for (const event of fresh) evaluator.apply(event, now)
  }, 3, 1)
  return {
    name: 'engine: 100 new events on a 5,000-event history',
    baseline: { label: 'evaluate() over the full list per event', ms: full },
    candidate: { label: 'incremental apply() (includes building it once)', ms: incremental },
  }
}

/**
 * Memory of the server's evaluator cache: what one cached subject costs compared with simply holding its
 * events. Run with --expose-gc for stable numbers (npm run bench does).
 */
export async function evaluatorMemory(): Promise<BenchResult> {
  const start = Date.parse('2025-01-01T00:00:00Z')
  const subjects = 100
  const perSubject = 1_000
  const heap = () => {
    globalThis.gc?.()
    return process.memoryUsage().heapUsed
  }
  const streams = Array.from({ length: subjects }, (_, i) => {
    const subject: Subject = { userId: `u${i}`, accountId: `a${i}`, signedUpAt: new Date(start).toISOString(), traits: { plan: 'team' } }
    return { subject, events: syntheticEvents(perSubject, subject, start).map((e) => ({ ...e, userId: subject.userId })) }
  })
  const base = heap()
  const copies = streams.map((s) => structuredClone(s.events))
  const rawBytes = heap() - base
  copies.length = 0
  const before = heap()
  const evaluators = streams.map((s) => createIncrementalEvaluator(demoProgram, s.subject, s.events))
  evaluators.forEach((e) => e.progress(new Date(start + 366 * DAY_MS)))
  const evaluatorBytes = heap() - before
  const mb = (bytes: number) => bytes / 1024 / 1024
  return {
    name: `memory: ${subjects} cached evaluators × ${perSubject.toLocaleString('en')} events (MB, lower is better)`,
    baseline: { label: 'a plain copy of the same events', ms: mb(rawBytes) },
    candidate: { label: 'incremental evaluators (indexed events + cached results)', ms: mb(evaluatorBytes) },
    unit: 'MB',
  }
}

export const engineBenchmarks = [incrementalVsFull, evaluatorMemory]
export { report }
