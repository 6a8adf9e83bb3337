import type { Where } from '../../schemas/program'
import { resumeSweep, sweepWindow, type SweepInput, type SweepState, type Tally } from '../sliding-window'
import type { CriterionContext, CriterionResult, IndexedEvent, SweepMemo } from '../types'
import { collect, collectFrom, type MutableSweepInput } from './collect'

/**
 * One leaf's collected input as it stood after its last evaluation, kept by the incremental evaluator, with
 * whatever the leaf keeps beside it (a sweep's state).
 */
interface Checkpoint<K, S> {
  /** The bucket it read, and that bucket's generation then (it changes when an event lands before the end). */
  list: readonly IndexedEvent[]
  generation: number
  /** Bucket positions already collected. */
  scanned: number
  now: number
  input: MutableSweepInput<K>
  /** Undefined whenever the input starts over. */
  state: S | undefined
}

/**
 * The leaf's input at `context.now` — exactly what a fresh `collect` gives — continued from what was kept when
 * that is exact: the bucket was only appended to and `now` did not go back. Otherwise it starts over (and the
 * kept state with it). A checkpoint lives in `memo` under the leaf's criterion node.
 */
function keptInput<K, S>(
  memo: SweepMemo,
  leaf: object,
  list: readonly IndexedEvent[],
  context: CriterionContext,
  where: Where | undefined,
  keyOf: ((event: IndexedEvent) => K | undefined) | undefined,
): Checkpoint<K, S> {
  const generation = memo.generation(list)
  let checkpoint = memo.checkpoints.get(leaf) as Checkpoint<K, S> | undefined
  if (checkpoint === undefined || checkpoint.list !== list || checkpoint.generation !== generation || context.now < checkpoint.now) {
    checkpoint = { list, generation, scanned: 0, now: context.now, input: { times: [], keys: [] }, state: undefined }
    memo.checkpoints.set(leaf, checkpoint)
  }
  checkpoint.scanned = collectFrom(list, checkpoint.scanned, context.now, where, keyOf, checkpoint.input)
  checkpoint.now = context.now
  return checkpoint
}

/**
 * A leaf's input (`collect`), continued between evaluations by the incremental evaluator (`context.sweeps`), so a
 * leaf that reads its whole bucket on every evaluation — a streak — does not parse periods for all of it again.
 */
export function collectLeaf<K>(
  context: CriterionContext,
  leaf: object,
  event: string,
  where: Where | undefined,
  keyOf: (event: IndexedEvent) => K | undefined,
): SweepInput<K> {
  const list = context.events(context.scope, event)
  if (context.sweeps === undefined) return collect(list, context.now, where, keyOf)
  return keptInput(context.sweeps, leaf, list, context, where, keyOf).input
}

/**
 * Collects and sweeps one leaf (count, sum, distinct, days). With `context.sweeps` (the incremental evaluator)
 * it continues the leaf's previous sweep when that is exact: the kept state only ever stands at the time of the
 * last event it took in (never later), so events appended to the bucket — which sort at or after that time —
 * continue it; the rest of the way to `now` (windows emptying) is walked on a copy. A bucket changed otherwise,
 * or a `now` earlier than before, starts over; so does `evaluate`, which keeps nothing. Either way it is the one
 * sweep (`resumeSweep`), so both evaluators agree, and a live event costs what it adds, not the history.
 */
export function sweepLeaf<K>(
  context: CriterionContext,
  leaf: object,
  event: string,
  where: Where | undefined,
  /** Undefined: every matching event counts and carries no key (see collectFrom). */
  keyOf: ((event: IndexedEvent) => K | undefined) | undefined,
  newTally: () => Tally<K>,
  atLeast: number,
  windowMs: number | undefined,
): Omit<CriterionResult, 'target'> {
  const list = context.events(context.scope, event)
  const memo = context.sweeps
  if (memo === undefined) return sweepWindow(collect(list, context.now, where, keyOf), newTally(), atLeast, context.now, windowMs)
  const checkpoint = keptInput<K, SweepState<K>>(memo, leaf, list, context, where, keyOf)
  const input = checkpoint.input
  const state = (checkpoint.state ??= { tally: newTally(), entering: 0, leaving: 0, achievedAt: undefined })
  // The kept state advances to the last collected event at or before now, and no further.
  let last = input.times.length - 1
  if (last >= 0 && (input.times[last] as number) > context.now) last--
  const horizon = last >= 0 ? (input.times[last] as number) : -Infinity
  const atHorizon = resumeSweep(input, state, atLeast, horizon, windowMs)
  if (atHorizon.stableUntil > context.now) return atHorizon
  // A window empties between that event and now: walk there on a copy, leaving the kept state where it is.
  const ahead: SweepState<K> = { tally: state.tally.clone(), entering: state.entering, leaving: state.leaving, achievedAt: state.achievedAt }
  return resumeSweep(input, ahead, atLeast, context.now, windowMs)
}
