import { forwardRef, useMemo } from 'react'
import { selectRiskNudge, type RiskNudge } from '../../store'
import { useCairnContext } from '../context'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { useHoldout } from '../hooks/use-holdout'
import { CtaLink } from './cta-link'
import { usePartRoot } from './part-attributes'
import { SignalNudgeView, type NudgeKit } from './signal-nudge-view'
import { VisuallyHidden } from './visually-hidden'

/**
 * The nudge standing in for the next step while a risk signal (inactivity, a usage drop, a stall) is active or,
 * for a day, after a return cleared it; undefined otherwise, and always while the subject is suppressed.
 */
export function useRiskNudge(): RiskNudge | undefined {
  return useCairnSelector(selectRiskNudge)
}

export interface SignalNudgeProps {
  /** The nudge to show (from `useRiskNudge`). */
  nudge: RiskNudge
  className?: string
}

/**
 * A calm, specific "welcome back": what is left to the next level and the one step to take, never a word
 * about being away. Keeps the next step's `data-cairn-next-step` so hosts style and test it the same way;
 * `data-cairn-signal-nudge` names the signal and `data-signal-kind` its kind. Renders nothing for a subject in the
 * experiment's holdout.
 */
export const SignalNudge = forwardRef<HTMLElement, SignalNudgeProps>(function SignalNudge({ nudge, className }, ref) {
  const context = useCairnContext()
  const root = usePartRoot('nextStep', className)
  const kit = useMemo<NudgeKit>(() => ({ context, useCairnSelector, CtaLink, VisuallyHidden }), [context])
  if (useHoldout()) return null
  return <SignalNudgeView ref={ref} nudge={nudge} kit={kit} root={root} />
})
SignalNudge.displayName = 'Cairn.SignalNudge'
