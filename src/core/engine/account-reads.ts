import type { Program } from '../schemas/program'
import { eventNamesOf } from './criterion'

/**
 * Whether a teammate's event of this name can change a member's progress. A member reads other users' events
 * only through its account scope: account-unit milestones (every leaf of an `all`/`any`, every threshold variant),
 * account-unit signals (an `inactive` or `usage_drop` without an event reads every name) and suppression windows
 * (`between` start and end events count from the whole account). Everything else a member shows — levels, badges,
 * team announcements, `stalled`, value, next steps — is derived from those milestones or from their own events,
 * and windows or deadlines only move the results of what was read. So an event of a name outside this set leaves
 * every teammate's progress (and its next time-based change) exactly as it was: the actor alone needs recomputing.
 */
export function accountEventReader(program: Program): (name: string) => boolean {
  const names = new Set<string>()
  for (const milestone of program.milestones) {
    if (milestone.unit !== 'account') continue
    eventNamesOf(milestone.criterion, names)
    for (const variant of milestone.variants ?? []) eventNamesOf(variant.criterion, names)
  }
  for (const signal of program.signals ?? []) {
    if (signal.unit !== 'account' || signal.criterion.kind === 'stalled') continue
    if (signal.criterion.event === undefined) return () => true
    names.add(signal.criterion.event)
  }
  for (const pair of program.suppress?.between ?? []) {
    names.add(pair.start)
    names.add(pair.end)
  }
  return (name) => names.has(name)
}
