import { forwardRef } from 'react'
import { selectOverall } from '../../store'
import { useCairnContext } from '../context'
import { useMilestone, useNextStep } from '../hooks/data-hooks'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import type { StepPhase } from '../i18n'
import { CtaLink } from './cta-link'
import { usePartRoot } from './part-attributes'
import { SignalNudge, useRiskNudge } from './signal-nudge'
import { VisuallyHidden } from './visually-hidden'

export interface NextStepPromptProps {
  className?: string
}

/**
 * The one step worth taking now, with a call to action that fits where the user stands: "Start" before
 * anything happened on it, "Continue" once under way (its accessible name adds the step's title); a step
 * without a CTA is named only. Headed "Your first step" until something is achieved. Renders nothing when
 * there is no next step. While a risk signal is active it becomes a calm nudge (`SignalNudge`) towards the same step.
 */
export const NextStepPrompt = forwardRef<HTMLElement, NextStepPromptProps>(function NextStepPrompt({ className }, ref) {
  const { messages } = useCairnContext()
  const root = usePartRoot('nextStep', className)
  const step = useNextStep()
  const view = useMilestone(step?.milestoneId ?? '')
  const { completed } = useCairnSelector(selectOverall)
  const nudge = useRiskNudge()
  if (nudge) return <SignalNudge ref={ref} nudge={nudge} className={className} />
  if (!step) return null
  const phase: StepPhase = (view?.progress.current ?? 0) > 0 ? 'continue' : 'start'
  const heading = completed === 0 ? messages.firstStepHeading : messages.nextStepHeading
  return (
    <section ref={ref} data-cairn-next-step={step.milestoneId} data-phase={phase} aria-label={heading} {...root}>
      <h3 data-cairn-card-title="">{heading}</h3>
      <p data-cairn-card-detail="">
        <bdi>{step.title}</bdi>
      </p>
      {step.cta && (
        <CtaLink cta={step.cta} milestoneId={step.milestoneId} placement="next_step">
          {messages.stepAction[phase]}
          <VisuallyHidden>
            : <bdi>{step.title}</bdi>
          </VisuallyHidden>
        </CtaLink>
      )}
    </section>
  )
})
NextStepPrompt.displayName = 'Cairn.NextStepPrompt'
