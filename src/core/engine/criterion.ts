import type { Criterion } from '../schemas/program'
import { combineAll, combineAny } from './composite'
import { evaluateCountLike } from './criteria/count-sum-distinct'
import { evaluateDays } from './criteria/days'
import { evaluateStreak } from './criteria/streak'
import { evaluateTenure } from './criteria/tenure'
import type { CriterionContext, CriterionResult } from './types'

/** Evaluates one criterion tree at `context.now`. The single algorithm behind `evaluate` and the incremental evaluator. */
export function evaluateCriterion(criterion: Criterion, context: CriterionContext): CriterionResult {
  switch (criterion.kind) {
    case 'count':
    case 'sum':
    case 'distinct':
      return evaluateCountLike(criterion, context)
    case 'days':
      return evaluateDays(criterion, context)
    case 'streak':
      return evaluateStreak(criterion, context)
    case 'tenure':
      return evaluateTenure(criterion, context)
    case 'all':
      return combineAll(criterion.of.map((child) => evaluateCriterion(child, context)))
    case 'any':
      return combineAny(criterion.of.map((child) => evaluateCriterion(child, context)))
  }
}

/** Every event name a criterion tree reads: a new event of another name cannot change its result. */
export function eventNamesOf(criterion: Criterion, into: Set<string> = new Set()): Set<string> {
  if (criterion.kind === 'all' || criterion.kind === 'any') {
    for (const child of criterion.of) eventNamesOf(child, into)
  } else if (criterion.kind !== 'tenure') {
    into.add(criterion.event)
  }
  return into
}
