import type { CairnEvent, Subject } from '../schemas/event'
import type { Criterion } from '../schemas/program'

/** Milliseconds in a day; windows and deadlines are whole multiples of 24 h on timestamps, not calendar days. */
export const DAY_MS = 24 * 60 * 60 * 1000

/** An event after deduplication, with its timestamp parsed once. */
export interface IndexedEvent {
  readonly id: string
  readonly name: string
  readonly userId: string
  readonly accountId: string | undefined
  /** Epoch milliseconds of `timestamp`. */
  readonly ms: number
  readonly properties: Readonly<Record<string, string | number | boolean>> | undefined
  /** The event as received, to break ties between copies of one id with equal timestamps. */
  readonly source: CairnEvent
}

/** Which events a milestone counts: the subject's own, or every user's of the subject's account. */
export type Scope = 'user' | 'account'

/** Sorted (by time, then id) events of one scope and one event name. */
export type EventLookup = (scope: Scope, name: string) => readonly IndexedEvent[]

/** Read access to one subject's events: by scope and name, and which names a scope holds. */
export interface EventIndex {
  readonly lookup: EventLookup
  names(scope: Scope): Iterable<string>
}

/** What one criterion node yields at a given `now`. Times are epoch milliseconds. */
export interface CriterionResult {
  current: number
  target: number
  /** First moment the criterion held; never after `now`. */
  achievedAt: number | undefined
  /**
   * The result is the same for every evaluation moment in [now, stableUntil) as long as no event is added.
   * Conservative: it may be earlier than the real next change, never later. Lets the incremental evaluator
   * reuse a milestone's result when only time moved.
   */
  stableUntil: number
}

/** Calendar arithmetic in the subject's time zone (see time-zone.ts). */
export interface ZoneCalendar {
  /** Days since 1970-01-01 of the local calendar date of `ms`. */
  dayIndex(ms: number): number
  /** Index of the local ISO week (starting Monday) containing `ms`. */
  weekIndex(ms: number): number
  /** First instant after `ms` that falls in a later day / week than `ms`. */
  nextPeriodStart(ms: number, period: 'day' | 'week'): number
}

/** Everything a criterion needs besides itself. */
export interface CriterionContext {
  readonly now: number
  readonly scope: Scope
  readonly events: EventLookup
  readonly calendar: ZoneCalendar
  /** Whose progress: tenure reads signedUpAt or a date trait. */
  readonly subject: Subject
  /** Incremental evaluator only: leaf sweeps kept between evaluations, to continue rather than start over. */
  readonly sweeps?: SweepMemo
}

/** Leaf sweeps kept by the incremental evaluator (see criteria/resumable.ts). */
export interface SweepMemo {
  /** Changes whenever `list` changes other than by an event appended at its end. */
  generation(list: readonly IndexedEvent[]): number
  /** Per leaf criterion node (a WeakMap where the memo outlives a program). */
  readonly checkpoints: { get(leaf: object): unknown; set(leaf: object, checkpoint: unknown): unknown }
}

export type { Criterion }
