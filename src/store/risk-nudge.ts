import { memoizeByInputs } from './memoize'
import { toNudge } from './risk-nudge-rule'
import type { RiskNudge } from './risk-nudge-rule'
import type { CairnState } from './types'

export type { RiskNudge }

const nudgeOf = memoizeByInputs(toNudge)

/** The nudge to show in place of the plain next step, if a risk signal is active or a return just cleared it. */
export const selectRiskNudge = (state: CairnState): RiskNudge | undefined => nudgeOf(state.program, state.progress)
