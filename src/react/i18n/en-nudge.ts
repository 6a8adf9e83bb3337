import type { CairnMessages, NudgeMessageKey } from './types'

// Apart from en.ts: only the risk-signal nudge (signal-nudge-view) needs these. It is loaded
// lazily and brings them along, so they stay out of every page's first load.
/** English strings of the risk-signal nudge. */
export const enNudgeMessages: Pick<CairnMessages, NudgeMessageKey> = {
  nudgeHeading: { inactive: 'Welcome back', usage_drop: 'Good to see you', stalled: 'A good moment for a next step' },
  nudgeLead: { inactive: 'Pick up where you left off', usage_drop: 'A small step keeps things moving', stalled: 'One small step at a time' },
  nudgeToNextLevel: (remaining, f) => `${f.number(remaining)} ${f.plural(remaining) === 'one' ? 'step' : 'steps'} to your next level`,
  nudgeToFinish: (remaining, title, f) => `${f.number(remaining)} ${f.plural(remaining) === 'one' ? 'step' : 'steps'} to finish ${title}`,
  nudgeLine: (lead, goal) => `${lead}: ${goal}`,
}
