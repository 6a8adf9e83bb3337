import { forwardRef, useCallback, useMemo, type ReactNode } from 'react'
import { toNudge, type RiskNudge } from '../../store/risk-nudge-rule'
import type { CairnState } from '../../store/types'
import type { CairnContextValue } from '../context'
import { enNudgeMessages } from '../i18n/en-nudge'
import type { useCairnSelector } from '../hooks/use-cairn-selector'
import type { CtaLink } from './cta-link'
import type { usePartRoot } from './part-attributes'
import type { VisuallyHidden } from './visually-hidden'

// Loaded with import() by the next-step prompt only while a risk signal is active (a rare state), so it imports
// no first-load module at run time: what it needs arrives in `kit` (see ARCHITECTURE.md, first-load weight).

/** What the nudge view borrows from the always loaded widget. */
export interface NudgeKit {
  context: CairnContextValue
  useCairnSelector: typeof useCairnSelector
  CtaLink: typeof CtaLink
  VisuallyHidden: typeof VisuallyHidden
}

export interface SignalNudgeViewProps {
  nudge: RiskNudge
  kit: NudgeKit
  /** The part's root attributes (`usePartRoot('nextStep', className)`). */
  root: ReturnType<typeof usePartRoot>
}

/** The nudge's markup; `SignalNudge` (public) and `LiveSignalNudge` (the prompt's lazy path) both render it. */
export const SignalNudgeView = forwardRef<HTMLElement, SignalNudgeViewProps>(function SignalNudgeView({ nudge, kit, root }, ref) {
  const { format } = kit.context
  // The provider's strings over this chunk's English (the first load carries no nudge lines).
  const messages = { ...enNudgeMessages, ...kit.context.messages }
  const { CtaLink, VisuallyHidden } = kit
  const { goal, step, cta, kind } = nudge
  const id = step.milestoneId
  const current = kit.useCairnSelector(useCallback((state: CairnState) => state.progress?.milestones[id]?.current ?? 0, [id]))
  const phase = current > 0 ? 'continue' : 'start'
  const target =
    goal.kind === 'next_level'
      ? messages.nudgeToNextLevel(goal.remaining, format)
      : goal.kind === 'finish_level'
        ? messages.nudgeToFinish(goal.remaining, goal.levelTitle, format)
        : step.title
  const heading = messages.nudgeHeading[kind]
  return (
    <section ref={ref} data-cairn-next-step={id} data-phase={phase} data-cairn-signal-nudge={nudge.signalId} data-signal-kind={kind} aria-label={heading} {...root}>
      <h3 data-cairn-card-title="">{heading}</h3>
      <p data-cairn-signal-nudge-line="">{messages.nudgeLine(messages.nudgeLead[kind], target)}</p>
      {goal.kind !== 'next_step' && (
        <p data-cairn-card-detail="">
          <bdi>{step.title}</bdi>
        </p>
      )}
      {cta && (
        <CtaLink cta={cta} milestoneId={id} placement="next_step">
          {messages.stepAction[phase]}
          <VisuallyHidden>
            : <bdi>{step.title}</bdi>
          </VisuallyHidden>
        </CtaLink>
      )}
    </section>
  )
})
SignalNudgeView.displayName = 'Cairn.SignalNudgeView'

const selectProgram = (state: CairnState) => state.program
const selectProgress = (state: CairnState) => state.progress

export interface LiveSignalNudgeProps extends Omit<SignalNudgeViewProps, 'nudge'> {
  /** Rendered when no nudge applies after all (suppressed, no step to offer, a signal the program lacks). */
  fallback: ReactNode
}

/** The store's nudge (same rule as `selectRiskNudge`), or `fallback`. */
export const LiveSignalNudge = forwardRef<HTMLElement, LiveSignalNudgeProps>(function LiveSignalNudge({ kit, root, fallback }, ref) {
  const program = kit.useCairnSelector(selectProgram)
  const progress = kit.useCairnSelector(selectProgress)
  const nudge = useMemo(() => toNudge(program, progress), [program, progress])
  return nudge ? <SignalNudgeView ref={ref} nudge={nudge} kit={kit} root={root} /> : <>{fallback}</>
})
LiveSignalNudge.displayName = 'Cairn.LiveSignalNudge'
