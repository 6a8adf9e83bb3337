import type { LeafCriterion } from '../../schemas/program'
import { readProperty } from '../event-filter'
import { sweepWindow } from '../sliding-window'
import { DAY_MS, type CriterionContext, type CriterionResult } from '../types'
import { collect } from './collect'
import { countTally, distinctTally, sumTally } from './tallies'

type CountLike = Extract<LeafCriterion, { kind: 'count' | 'sum' | 'distinct' }>

/** `count` events, `sum` a numeric property (non-numbers never match), or count `distinct` property values. */
export function evaluateCountLike(criterion: CountLike, context: CriterionContext): CriterionResult {
  const windowMs = criterion.within === undefined ? undefined : criterion.within.days * DAY_MS
  let result: Omit<CriterionResult, 'target'>
  switch (criterion.kind) {
    case 'count': {
      const input = collect(context, criterion.event, criterion.where, () => true)
      result = sweepWindow(input, countTally(), criterion.atLeast, context.now, windowMs)
      break
    }
    case 'sum': {
      const input = collect(context, criterion.event, criterion.where, (event) => {
        const amount = readProperty(event, criterion.property)
        return typeof amount === 'number' ? amount : undefined
      })
      result = sweepWindow(input, sumTally(), criterion.atLeast, context.now, windowMs)
      break
    }
    case 'distinct': {
      const input = collect(context, criterion.event, criterion.where, (event) => readProperty(event, criterion.property))
      result = sweepWindow(input, distinctTally(), criterion.atLeast, context.now, windowMs)
      break
    }
  }
  return { ...result, target: criterion.atLeast }
}
