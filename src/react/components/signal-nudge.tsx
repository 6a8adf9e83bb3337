import { forwardRef } from 'react'
import { selectRiskNudge, type RiskNudge } from '../../store'
import { useCairnContext } from '../context'
import { useMilestone } from '../hooks/data-hooks'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { CtaLink } from './cta-link'
import { usePartRoot } from './part-attributes'
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
 * `data-cairn-signal-nudge` names the signal and `data-signal-kind` its kind.
 */
export const SignalNudge = forwardRef<HTMLElement, SignalNudgeProps>(function SignalNudge({ nudge, className }, ref) {
  const { messages, format } = useCairnContext()
  const root = usePartRoot('nextStep', className)
  const { goal, step, cta, kind } = nudge
  const view = useMilestone(step.milestoneId)
  const phase = (view?.progress.current ?? 0) > 0 ? 'continue' : 'start'
  const target =
    goal.kind === 'next_level'
      ? messages.nudgeToNextLevel(goal.remaining, format)
      : goal.kind === 'finish_level'
        ? messages.nudgeToFinish(goal.remaining, goal.levelTitle, format)
        : step.title
  const heading = messages.nudgeHeading[kind]
  return (
    <section ref={ref} data-cairn-next-step={step.milestoneId} data-phase={phase} data-cairn-signal-nudge={nudge.signalId} data-signal-kind={kind} aria-label={heading} {...root}>
      <h3 data-cairn-card-title="">{heading}</h3>
      <p data-cairn-signal-nudge-line="">{messages.nudgeLine(messages.nudgeLead[kind], target)}</p>
      {goal.kind !== 'next_step' && (
        <p data-cairn-card-detail="">
          <bdi>{step.title}</bdi>
        </p>
      )}
      {cta && (
        <CtaLink cta={cta} milestoneId={step.milestoneId} placement="next_step">
          {messages.stepAction[phase]}
          <VisuallyHidden>
            : <bdi>{step.title}</bdi>
          </VisuallyHidden>
        </CtaLink>
      )}
    </section>
  )
})
SignalNudge.displayName = 'Cairn.SignalNudge'
