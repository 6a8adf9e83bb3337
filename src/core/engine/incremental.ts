import type { CairnEvent, Subject } from '../schemas/event'
import type { Program } from '../schemas/program'
import type { MilestoneProgress, Progress } from '../schemas/progress'
import { assessProgress } from './build-progress'
import { evaluateMilestone, finiteIso } from './evaluate'
import { EventStore } from './event-store'
import { toMs } from './iso'
import { planProgram } from './program-plan'
import type { CriterionResult, SweepMemo } from './types'

/** The result of applying one event. */
export interface ApplyResult {
  /** False when the event id was already applied (the event is ignored). */
  applied: boolean
  /** Ids of milestones whose MilestoneProgress differs from the previous `progress()` / `apply()` result. */
  changed: string[]
  progress: Progress
}

/** Keeps per-subject state so one new event costs work proportional to the milestones it touches. */
export interface IncrementalEvaluator {
  apply(event: CairnEvent, now: Date | string): ApplyResult
  /** Progress at `now` (time alone moves windows and deadlines). Always equals `evaluate` over every applied event. */
  progress(now: Date | string): Progress
  /** Like `nextChangeAt` from core over every applied event: when progress next changes without a new event. */
  nextChangeAt(now: Date | string): string | undefined
}

interface CachedResult {
  /** The moment the result was computed for; it holds for every moment in [computedAt, result.stableUntil). */
  computedAt: number
  result: CriterionResult
}

/**
 * An evaluator that keeps one subject's deduplicated, indexed events and each milestone's last criterion
 * result. A new event only invalidates the milestones whose criteria read its name; a result is reused while
 * `now` stays inside the range it is known to hold for. Everything else — deadlines, levels, badges, next
 * steps, value — is rebuilt from the results with the same code `evaluate` uses, so the two always agree.
 */
export function createIncrementalEvaluator(program: Program, subject: Subject, events?: Iterable<CairnEvent>): IncrementalEvaluator {
  const plan = planProgram(program, subject)
  const store = EventStore.from(subject, events ?? [])
  const cache: (CachedResult | undefined)[] = plan.milestones.map(() => undefined)
  let previous: Progress | undefined
  // Leaf sweeps continue from where they stopped, so a new event costs what it adds, not the history.
  const sweeps: SweepMemo = { generation: store.generation, checkpoints: new Map() }

  const resultsAt = (now: number): CriterionResult[] =>
    plan.milestones.map((milestone) => {
      const cached = cache[milestone.index]
      if (cached !== undefined && cached.computedAt <= now && now < cached.result.stableUntil) return cached.result
      const result = evaluateMilestone(plan, milestone, store.lookup, now, sweeps)
      cache[milestone.index] = { computedAt: now, result }
      return result
    })

  const assessAt = (now: number) => {
    const assessment = assessProgress(plan, resultsAt(now), store, now)
    previous = assessment.progress
    return assessment
  }
  const progressAt = (now: number): Progress => assessAt(now).progress

  return {
    progress: (now) => progressAt(toMs(now)),
    nextChangeAt: (now) => finiteIso(assessAt(toMs(now)).nextChangeAt),
    apply(event, now) {
      const nowMs = toMs(now)
      // The first change is measured against the same moment without the event, not against nothing.
      const before = previous ?? progressAt(nowMs)
      const { accepted, touched } = store.add(event)
      for (const name of touched) {
        for (const milestone of plan.milestonesByEvent.get(name) ?? []) cache[milestone.index] = undefined
      }
      const progress = progressAt(nowMs)
      return { applied: accepted, changed: changedMilestones(before, progress), progress }
    },
  }
}

function changedMilestones(before: Progress, after: Progress): string[] {
  return Object.keys(after.milestones).filter((id) => !sameMilestone(before.milestones[id], after.milestones[id]))
}

function sameMilestone(a: MilestoneProgress | undefined, b: MilestoneProgress | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  return (
    a.state === b.state &&
    a.current === b.current &&
    a.target === b.target &&
    a.achievedAt === b.achievedAt &&
    a.dueAt === b.dueAt &&
    a.late === b.late
  )
}
