import type { LeafCriterion } from '../../schemas/program'
import { readProperty } from '../event-filter'
import { DAY_MS, type CriterionContext, type CriterionResult } from '../types'
import { sweepLeaf } from './resumable'
import { countTally, distinctTally, sumTally } from './tallies'

type CountLike = Extract<LeafCriterion, { kind: 'count' | 'sum' | 'distinct' }>

/** `count` events, `sum` a numeric property (non-numbers never match), or count `distinct` property values. */
export function evaluateCountLike(criterion: CountLike, context: CriterionContext): CriterionResult {
  const windowMs = criterion.within === undefined ? undefined : criterion.within.days * DAY_MS
  let result: Omit<CriterionResult, 'target'>
  switch (criterion.kind) {
    case 'count':
      result = sweepLeaf(context, criterion, criterion.event, criterion.where, undefined, () => countTally(), criterion.atLeast, windowMs)
      break
    case 'sum':
      result = sweepLeaf(
        context,
        criterion,
        criterion.event,
        criterion.where,
        (event) => {
          const amount = readProperty(event, criterion.property)
          return typeof amount === 'number' ? amount : undefined
        },
        () => sumTally(),
        criterion.atLeast,
        windowMs,
      )
      break
    case 'distinct':
      result = sweepLeaf(context, criterion, criterion.event, criterion.where, (event) => readProperty(event, criterion.property), () => distinctTally(), criterion.atLeast, windowMs)
      break
  }
  return { ...result, target: criterion.atLeast }
}
