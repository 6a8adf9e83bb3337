import type { CairnEvent, Subject } from '../schemas/event'
import type { Program } from '../schemas/program'
import type { MilestoneProgress, Progress } from '../schemas/progress'
import type { AccountHistory } from './account-history'
import { assessProgress } from './build-progress'
import { evaluateMilestone, finiteIso } from './evaluate'
import { createMemberView, type MemberView } from './member-view'
import { toMs } from './iso'
import { planProgram } from './program-plan'
import type { CriterionResult } from './types'

/** The result of applying one event. */
export interface ApplyResult {
  /**
   * False when the event changed nothing this evaluator holds: its id was already applied (the event is ignored),
   * or — with a shared account history — it is a teammate's event the history already held.
   */
  applied: boolean
  /** Ids of milestones whose MilestoneProgress differs from the previous `progress()` / `apply()` result. */
  changed: string[]
  progress: Progress
}

/** Keeps per-subject state so one new event costs work proportional to the milestones it touches. */
export interface IncrementalEvaluator {
  apply(event: CairnEvent, now: Date | string): ApplyResult
  /**
   * Files the event without evaluating (false when its id was already applied): several events followed by one
   * `assess` cost one evaluation instead of two per event. `apply`'s `changed` stays measured against the last result.
   */
  add(event: CairnEvent): boolean
  /** `progress` and `nextChangeAt` at `now` from one evaluation. */
  assess(now: Date | string): { progress: Progress; nextChangeAt: string | undefined }
  /** Progress at `now` (time alone moves windows and deadlines). Always equals `evaluate` over every applied event. */
  progress(now: Date | string): Progress
  /** Like `nextChangeAt` from core over every applied event: when progress next changes without a new event. */
  nextChangeAt(now: Date | string): string | undefined
  /** Events this evaluator holds apart from a shared account history (all it holds without one). */
  readonly ownEvents: number
}

/** Options of `createIncrementalEvaluator`. */
export interface IncrementalOptions {
  /**
   * The subject's account history, shared with the other members' evaluators (its `accountId` must be the
   * subject's). The evaluator then keeps only its own user's events and reads the account's from the history;
   * account events it is given or applied are added to the history once. Events the history receives from
   * anywhere else count too: the evaluator catches up before it evaluates.
   * @default undefined (the evaluator keeps every event it is given)
   */
  account?: AccountHistory
}

interface CachedResult {
  /** The moment the result was computed for; it holds for every moment in [computedAt, result.stableUntil). */
  computedAt: number
  result: CriterionResult
}

/**
 * An evaluator that keeps one subject's deduplicated, indexed events and each milestone's last criterion
 * result. A new event only invalidates the milestones whose criteria read its name (in the scope it landed in);
 * a result is reused while `now` stays inside the range it is known to hold for. Everything else — deadlines,
 * levels, badges, next steps, value — is rebuilt from the results with the same code `evaluate` uses, so the
 * two always agree. With `options.account`, `progress()` equals `evaluate` over the subject's applied events
 * plus every event of the account history.
 */
export function createIncrementalEvaluator(program: Program, subject: Subject, events?: Iterable<CairnEvent>, options: IncrementalOptions = {}): IncrementalEvaluator {
  const plan = planProgram(program, subject)
  const cache: (CachedResult | undefined)[] = plan.milestones.map(() => undefined)
  let previous: Progress | undefined

  const invalidate = (names: Iterable<string>, scope: 'user' | 'account' | 'both') => {
    for (const name of names) {
      for (const milestone of plan.milestonesByEvent.get(name) ?? []) {
        if (scope === 'both' || milestone.scope === scope) cache[milestone.index] = undefined
      }
    }
  }
  const view: MemberView = createMemberView(subject, events ?? [], options.account, {
    changed: invalidate,
    reset: () => cache.fill(undefined),
  })

  const resultsAt = (now: number): CriterionResult[] => {
    view.catchUp()
    return plan.milestones.map((milestone) => {
      const cached = cache[milestone.index]
      if (cached !== undefined && cached.computedAt <= now && now < cached.result.stableUntil) return cached.result
      const result = evaluateMilestone(plan, milestone, view.index.lookup, now, view.sweeps(milestone.scope))
      cache[milestone.index] = { computedAt: now, result }
      return result
    })
  }

  const assessAt = (now: number) => {
    const assessment = assessProgress(plan, resultsAt(now), view.index, now)
    previous = assessment.progress
    return assessment
  }
  const progressAt = (now: number): Progress => assessAt(now).progress

  return {
    progress: (now) => progressAt(toMs(now)),
    nextChangeAt: (now) => finiteIso(assessAt(toMs(now)).nextChangeAt, plan.iso),
    add: (event) => view.add(event),
    assess(now) {
      const { progress, nextChangeAt } = assessAt(toMs(now))
      return { progress, nextChangeAt: finiteIso(nextChangeAt, plan.iso) }
    },
    get ownEvents() {
      return view.ownEvents
    },
    apply(event, now) {
      const nowMs = toMs(now)
      // The first change is measured against the same moment without the event, not against nothing.
      const before = previous ?? progressAt(nowMs)
      const applied = view.add(event)
      const progress = progressAt(nowMs)
      return { applied, changed: changedMilestones(before, progress), progress }
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
