import { forwardRef } from 'react'
import { useCairnContext } from '../context'
import { useNextStep } from '../hooks/data-hooks'
import { CtaLink } from './cta-link'
import { usePartRoot } from './part-attributes'

export interface NextStepPromptProps {
  className?: string
}

/** The one step worth taking now, with its call to action. Renders nothing when there is no next step. */
export const NextStepPrompt = forwardRef<HTMLElement, NextStepPromptProps>(function NextStepPrompt({ className }, ref) {
  const { messages } = useCairnContext()
  const root = usePartRoot('nextStep', className)
  const step = useNextStep()
  if (!step) return null
  return (
    <section ref={ref} data-cairn-next-step={step.milestoneId} aria-label={messages.nextStepHeading} {...root}>
      <h3 data-cairn-card-title="">{messages.nextStepHeading}</h3>
      {step.cta ? (
        <>
          <p data-cairn-card-detail="">{step.title}</p>
          <CtaLink cta={step.cta} milestoneId={step.milestoneId} placement="next_step" />
        </>
      ) : (
        <p data-cairn-card-detail="">{messages.nextStepFallback(step.title)}</p>
      )}
    </section>
  )
})
NextStepPrompt.displayName = 'Cairn.NextStepPrompt'
