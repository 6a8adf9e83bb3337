import type { CairnState } from './types'

// Apart from risk-nudge.ts: the widget reads this on every render, the nudge rule only while a signal is active.

/** True while the subject is suppressed (DESIGN §7.2): celebrations and upsell steps stay quiet. */
export const selectSuppressed = (state: CairnState): boolean => state.progress?.suppressed !== undefined
