// CONTRACT STUB — replaced by the engine implementation. Signatures are fixed.
import type { CairnEvent, Subject } from '../schemas/event'
import type { Program } from '../schemas/program'
import type { Progress } from '../schemas/progress'

export interface EvaluateOptions {
  /** The moment progress is evaluated at; events after it are ignored. */
  now: Date | string
  subject: Subject
}

/** Pure, deterministic: the same program, events (in any order, duplicates included) and options give the same Progress. */
export function evaluate(_program: Program, _events: readonly CairnEvent[], _options: EvaluateOptions): Progress {
  throw new Error('not implemented yet')
}

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
}

export function createIncrementalEvaluator(_program: Program, _subject: Subject, _events?: Iterable<CairnEvent>): IncrementalEvaluator {
  throw new Error('not implemented yet')
}
