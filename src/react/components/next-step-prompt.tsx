import { forwardRef, useMemo } from 'react'
import { selectOverall, type CairnState } from '../../store'
import { useCairnContext } from '../context'
import { useMilestone, useNextStep } from '../hooks/data-hooks'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { useHoldout } from '../hooks/use-holdout'
import type { StepPhase } from '../i18n'
import { lazyModule, useLazyModule } from '../lazy-module'
import { CtaLink } from './cta-link'
import { usePartRoot } from './part-attributes'
import type { NudgeKit } from './signal-nudge-view'
import { VisuallyHidden } from './visually-hidden'

export interface NextStepPromptProps {
  className?: string
}

// The nudge (DESIGN §7.1) shows only while a risk signal is active (or for a day after a return cleared it), so
// its view and rule load on first need. This test is the rule's first line; the rule itself decides the rest.
const NUDGE = lazyModule(() => import('./signal-nudge-view'))
const selectSignalActive = (state: CairnState) =>
  state.progress?.signals?.some((signal) => signal.state === 'active' || signal.clearedAt !== undefined) === true

/**
 * The one step worth taking now, with a call to action that fits where the user stands: "Start" before
 * anything happened on it, "Continue" once under way (its accessible name adds the step's title); a step
 * without a CTA is named only. Headed "Your first step" until something is achieved. Renders nothing when
 * there is no next step. While a risk signal is active it becomes a calm nudge (`SignalNudge`) towards the same
 * step; its view loads on the first active signal, and the prompt waits for it rather than show one heading and
 * then another (it falls back to the plain step if the view cannot load). Renders nothing for a subject in the
 * experiment's holdout.
 */
export const NextStepPrompt = forwardRef<HTMLElement, NextStepPromptProps>(function NextStepPrompt({ className }, ref) {
  const context = useCairnContext()
  const { messages } = context
  const root = usePartRoot('nextStep', className)
  const step = useNextStep()
  const view = useMilestone(step?.milestoneId ?? '')
  const { completed } = useCairnSelector(selectOverall)
  const signalActive = useCairnSelector(selectSignalActive)
  const nudgeChunk = useLazyModule(NUDGE, signalActive)
  const kit = useMemo<NudgeKit>(() => ({ context, useCairnSelector, CtaLink, VisuallyHidden }), [context])
  if (useHoldout() || (signalActive && !nudgeChunk && !NUDGE.state.failed)) return null
  const phase: StepPhase = (view?.progress.current ?? 0) > 0 ? 'continue' : 'start'
  const heading = completed === 0 ? messages.firstStepHeading : messages.nextStepHeading
  const plain = step ? (
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
  ) : null
  return signalActive && nudgeChunk ? <nudgeChunk.LiveSignalNudge ref={ref} kit={kit} root={root} fallback={plain} /> : plain
})
NextStepPrompt.displayName = 'Cairn.NextStepPrompt'
