import { AccountHistory, createIncrementalEvaluator, demoProgram, evaluate, type CairnEvent, type Criterion, type Subject } from '../src/core'
import { report, time, type BenchResult } from './harness'

const EVENT_NAMES = ['project_created', 'task_added', 'task_completed', 'teammate_invited', 'feature_used', 'logged_in', 'report_generated']
const DAY_MS = 86_400_000
const START = Date.parse('2025-01-01T00:00:00Z')
const NOW = new Date(START + 366 * DAY_MS)
const SUBJECT: Subject = { userId: 'u1', accountId: 'a1', signedUpAt: new Date(START).toISOString(), traits: { plan: 'team' } }

/**
 * A deterministic stream: a busy team's usage over `spanDays` (a year unless told), in random time order (as a
 * merged export would be). The generator multiplies in 32-bit integers: in doubles the product lost its low bits
 * and the sequence cycled after ≈ 16k draws, so 100k "random" events had only 3,692 distinct timestamps.
 */
function syntheticEvents(count: number, subject: Subject, startMs: number, prefix = 'e', spanDays = 360): CairnEvent[] {
  let seed = 42
  const random = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff) / 2 ** 31)
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    name: EVENT_NAMES[Math.floor(random() * EVENT_NAMES.length)]!,
    userId: random() < 0.7 ? subject.userId : `teammate-${Math.floor(random() * 5)}`,
    accountId: subject.accountId,
    timestamp: new Date(startMs + Math.floor(random() * spanDays * DAY_MS)).toISOString(),
    properties: { feature: `f${Math.floor(random() * 6)}` },
  }))
}

type Leaf = Extract<Criterion, { kind: 'count' | 'sum' | 'distinct' | 'days' | 'streak' }>
const leavesOf = (criterion: Criterion): Leaf[] =>
  criterion.kind === 'all' || criterion.kind === 'any' ? criterion.of.flatMap(leavesOf) : criterion.kind === 'tenure' ? [] : [criterion]

/**
 * The fair baseline: one hand-written pass that does the least any evaluator must — drop repeated ids, read each
 * timestamp, skip the future, and count (or collect distinct values) for every leaf of the demo program that reads
 * the event's name in its scope. No windows, streaks, deadlines or levels: a floor, not a second engine.
 */
function countingLoop(events: readonly CairnEvent[], subject: Subject, now: number): number {
  const leaves = demoProgram.milestones.flatMap((m) => leavesOf(m.criterion).map((leaf) => ({ leaf, account: m.unit === 'account' })))
  const byName = new Map<string, { leaf: Leaf; account: boolean; count: number; seen: Set<unknown> }[]>()
  for (const { leaf, account } of leaves) {
    const list = byName.get(leaf.event) ?? []
    list.push({ leaf, account, count: 0, seen: new Set() })
    byName.set(leaf.event, list)
  }
  const ids = new Set<string>()
  for (const event of events) {
    if (ids.has(event.id)) continue
    ids.add(event.id)
    const readers = byName.get(event.name)
    if (readers === undefined || Date.parse(event.timestamp) > now) continue
    for (const reader of readers) {
      if (reader.account ? event.accountId !== subject.accountId : event.userId !== subject.userId) continue
      if (reader.leaf.kind === 'distinct') reader.seen.add(reader.leaf.property === 'userId' ? event.userId : event.properties?.[reader.leaf.property])
      else reader.count++
    }
  }
  let total = 0
  for (const list of byName.values()) for (const reader of list) total += reader.count + reader.seen.size
  return total
}

/**
 * Median ms per call of each function, sampled in turn (baseline, candidate, baseline, …) so both meet the same
 * load on a shared machine; each sample repeats a call `repeat` times.
 */
function alternating(fns: readonly [() => unknown, () => unknown], repeat: number, runs: number, warmup: number): [number, number] {
  const samples = fns.map((): number[] => [])
  for (let run = 0; run < warmup + runs; run++) {
    fns.forEach((fn, i) => {
      const start = performance.now()
      for (let r = 0; r < repeat; r++) fn()
      if (run >= warmup) samples[i]!.push((performance.now() - start) / repeat)
    })
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[list.length >> 1]!
  return [median(samples[0]!), median(samples[1]!)]
}

/** Full `evaluate` against the counting loop over the same events, 1,000 → 1,000,000. */
function evaluateVsCountingLoop(count: number): () => Promise<BenchResult> {
  return async () => {
    const events = syntheticEvents(count, SUBJECT, START)
    const runs = count >= 1_000_000 ? 3 : 7
    // Small inputs repeat inside each sample (≈ 100k events' worth), so a sample is not one cold, JIT-less call.
    const repeat = Math.max(1, Math.floor(100_000 / count))
    const [baseline, candidate] = alternating(
      [() => countingLoop(events, SUBJECT, NOW.getTime()), () => evaluate(demoProgram, events, { now: NOW, subject: SUBJECT })],
      repeat,
      runs,
      count >= 1_000_000 ? 1 : 3,
    )
    return {
      name: `engine: evaluate() over ${count.toLocaleString('en')} events (random order, 30 % teammates)`,
      baseline: { label: 'single-pass counting loop (dedupe, parse, count per leaf)', ms: baseline },
      candidate: { label: 'evaluate() (full Progress)', ms: candidate },
    }
  }
}

/** Events per day in the apply() benchmark: a longer history is more days at the same pace, not a busier day. */
const PACE_PER_DAY = 50
/** Events applied per timed sample. */
const BATCH = 100

/**
 * The server's hot path: one new event (in time order, as live events arrive) on a subject with a long history
 * at the same pace. Per event; the baseline is the same measure on a 1,000-event history (20 days), so the ratio
 * shows whether apply() is flat in history length (×1.0) or grows with it.
 */
function applyCost(history: number): () => Promise<BenchResult> {
  const perEvent = (size: number) => {
    const spanDays = size / PACE_PER_DAY
    const events = syntheticEvents(size, SUBJECT, START, 'e', spanDays)
    const latest = START + spanDays * DAY_MS
    const now = new Date(latest + 3 * DAY_MS)
    // Every applied event is new (a repeated id would take the cheaper duplicate path).
    const fresh = syntheticEvents(BATCH * 10, SUBJECT, START, 'new').map((e, i) => ({ ...e, timestamp: new Date(latest + (i + 1) * 60_000).toISOString() }))
    const evaluator = createIncrementalEvaluator(demoProgram, SUBJECT, events)
    evaluator.progress(now)
    let next = 0
    return time(() => {
      for (let i = 0; i < BATCH; i++) evaluator.apply(fresh[next++]!, now)
    }, 7, 2).then((ms) => ms / BATCH)
  }
  return async () => ({
    name: `engine: apply() one new event on a ${history.toLocaleString('en')}-event history (${PACE_PER_DAY} events a day; per event)`,
    baseline: { label: 'apply() on a 1,000-event history', ms: await perEvent(1_000) },
    candidate: { label: `apply() on a ${history.toLocaleString('en')}-event history`, ms: await perEvent(history) },
  })
}

/**
 * The server's ingest path: each of 200 warm subjects (500 events over 90 days) is given one live event with
 * `add()` and assessed once, an hour later each round; per subject. Baseline: `evaluate()` over that subject's
 * events so far at the same moment, what a server without warm evaluators would run. Rounds alternate the two.
 */
async function addThenAssess(): Promise<BenchResult> {
  const subjects = 200
  const spanDays = 90
  const rounds = 20
  const people = Array.from({ length: subjects }, (_, i) => {
    const subject: Subject = { userId: `u${i}`, accountId: `a${i}`, signedUpAt: new Date(START).toISOString(), traits: { plan: 'team' } }
    const events = syntheticEvents(500, subject, START, `s${i}-`, spanDays).map((e) => ({ ...e, userId: subject.userId }))
    return { subject, events, evaluator: createIncrementalEvaluator(demoProgram, subject, events) }
  })
  const latest = START + spanDays * DAY_MS
  for (const { evaluator } of people) evaluator.assess(new Date(latest))
  const samples: { baseline: number[]; candidate: number[] } = { baseline: [], candidate: [] }
  for (let round = 1; round <= rounds; round++) {
    const now = new Date(latest + round * 3_600_000)
    const live = people.map(({ subject }, i): CairnEvent => ({
      id: `live-${round}-${i}`,
      name: round % 2 === 0 ? 'task_completed' : 'task_added',
      userId: subject.userId,
      accountId: subject.accountId,
      timestamp: now.toISOString(),
    }))
    let start = performance.now()
    people.forEach(({ evaluator }, i) => {
      evaluator.add(live[i]!)
      evaluator.assess(now)
    })
    samples.candidate.push((performance.now() - start) / subjects)
    start = performance.now()
    people.forEach((person, i) => {
      person.events.push(live[i]!)
      evaluate(demoProgram, person.events, { now, subject: person.subject })
    })
    samples.baseline.push((performance.now() - start) / subjects)
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[list.length >> 1]!
  return {
    name: `engine: add() one live event then assess(), ${subjects} subjects with 500-event histories (per subject)`,
    baseline: { label: 'evaluate() over the subject\'s events', ms: median(samples.baseline) },
    candidate: { label: 'add() + assess() on a warm incremental evaluator', ms: median(samples.candidate) },
  }
}

/**
 * Memory of the server's evaluator cache per tracked subject: events held by an evaluator (counted as its own,
 * as they are in the server, which drops its copy once the evaluator is built) against the same events held in a
 * plain array. Run with --expose-gc for stable numbers (npm run bench does).
 */
export async function evaluatorMemory(): Promise<BenchResult> {
  const subjects = 100
  const perSubject = 1_000
  const heap = () => {
    globalThis.gc?.()
    return process.memoryUsage().heapUsed
  }
  const subjectOf = (i: number): Subject => ({ userId: `u${i}`, accountId: `a${i}`, signedUpAt: new Date(START).toISOString(), traits: { plan: 'team' } })
  const streamOf = (i: number) => syntheticEvents(perSubject, subjectOf(i), START, `s${i}-`).map((e) => ({ ...e, userId: `u${i}` }))

  let before = heap()
  const plain = Array.from({ length: subjects }, (_, i) => streamOf(i))
  const plainBytes = heap() - before
  plain.length = 0

  before = heap()
  const evaluators = Array.from({ length: subjects }, (_, i) => {
    const evaluator = createIncrementalEvaluator(demoProgram, subjectOf(i), streamOf(i))
    evaluator.progress(NOW)
    return evaluator
  })
  const evaluatorBytes = heap() - before
  const kb = (bytes: number) => bytes / subjects / 1024
  void evaluators.length
  return {
    name: `memory per tracked subject: ${perSubject.toLocaleString('en')} events each, ${subjects} subjects (KB, lower is better)`,
    baseline: { label: 'the events in a plain array', ms: kb(plainBytes) },
    candidate: { label: 'an incremental evaluator owning the same events (index + cached results)', ms: kb(evaluatorBytes) },
    unit: 'KB',
  }
}

/**
 * Memory per member of a 5-member account, the server's evaluator cache in both shapes: every member's evaluator
 * holding its own copy of the account's events (before), against one shared `AccountHistory` per account plus each
 * member's own events. The events are loaded once per account on both sides (the server reads them in one query)
 * and owned by the structure measured. Run with --expose-gc (npm run bench does).
 */
export async function accountMemberMemory(): Promise<BenchResult> {
  const accounts = 20
  const members = 5
  const perAccount = 5_000
  const heap = () => {
    globalThis.gc?.()
    return process.memoryUsage().heapUsed
  }
  const team = (a: number): Subject[] =>
    Array.from({ length: members }, (_, m) => ({ userId: `a${a}-m${m}`, accountId: `a${a}`, signedUpAt: new Date(START).toISOString(), traits: { plan: 'team' } }))
  // Each event from one of the members, all carrying the account.
  const eventsOf = (a: number) => syntheticEvents(perAccount, team(a)[0]!, START, `a${a}-`).map((e, i) => ({ ...e, userId: `a${a}-m${i % members}` }))
  const measure = (build: (a: number) => unknown[]) => {
    const before = heap()
    const held = Array.from({ length: accounts }, (_, a) => build(a))
    const bytes = heap() - before
    void held.length
    return bytes / (accounts * members) / 1024
  }
  const copied = measure((a) => {
    const events = eventsOf(a)
    return team(a).map((member) => {
      const evaluator = createIncrementalEvaluator(demoProgram, member, events)
      evaluator.progress(NOW)
      return evaluator
    })
  })
  const shared = measure((a) => {
    const events = eventsOf(a)
    const history = AccountHistory.from(`a${a}`, events)
    return team(a).map((member) => {
      const evaluator = createIncrementalEvaluator(demoProgram, member, events.filter((e) => e.userId === member.userId), { account: history })
      evaluator.progress(NOW)
      return evaluator
    })
  })
  return {
    name: `memory per account member: ${members}-member accounts, ${perAccount.toLocaleString('en')} account events each, ${accounts} accounts (KB, lower is better)`,
    baseline: { label: "each member's evaluator holding a copy of the account's events", ms: copied },
    candidate: { label: 'one shared AccountHistory per account + each member\'s own events', ms: shared },
    unit: 'KB',
  }
}

export const engineBenchmarks = [
  ...[1_000, 10_000, 100_000, 1_000_000].map(evaluateVsCountingLoop),
  ...[10_000, 100_000].map(applyCost),
  addThenAssess,
  evaluatorMemory,
  accountMemberMemory,
]
export { report }
