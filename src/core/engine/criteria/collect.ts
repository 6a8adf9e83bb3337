import type { Where } from '../../schemas/program'
import { matchesWhere } from '../event-filter'
import type { SweepInput } from '../sliding-window'
import type { CriterionContext, IndexedEvent } from '../types'

/**
 * The events a leaf counts, in time order: those of its name and scope that match `where` and yield a key.
 * Collection stops after the first matching event beyond `now`: it cannot count yet, but its time bounds
 * how long the result stays valid.
 */
export function collect<K>(
  context: CriterionContext,
  event: string,
  where: Where | undefined,
  keyOf: (event: IndexedEvent) => K | undefined,
): SweepInput<K> {
  const times: number[] = []
  const keys: K[] = []
  for (const candidate of context.events(context.scope, event)) {
    if (!matchesWhere(candidate, where)) continue
    const key = keyOf(candidate)
    if (key === undefined) continue
    times.push(candidate.ms)
    keys.push(key)
    if (candidate.ms > context.now) break
  }
  return { times, keys }
}
