// The "You did it!" dialog: plain DOM, in the modal chunk (loaded on the first big moment through
// celebration-modal). The animated frame arrives with the separate animation chunk.
import { useId, useLayoutEffect, useRef, useState, type ComponentType, type KeyboardEvent, type ReactNode } from 'react'
import type { Badge, Celebration, Cta, NextStep, Program } from '../../core'
import { CtaLink } from '../components/cta-link'
import { celebrationEmoji, celebrationHeadline, type CelebrationMessages } from './celebration-messages'
import { restoreFocus, trapTab } from './focus-trap'

/** What a big moment shows besides its headline: the level's message, badge and unlocked features. */
export interface DialogDetails {
  message?: string
  badge?: Badge
  features: string[]
  /** The one next step worth taking, offered beside "Keep going". */
  cta?: { cta: Cta; milestoneId: string }
}

/**
 * Looks up what the dialog shows besides the headline: the level's message, badge (or the badge folded
 * into it) and features, and a CTA — the milestone's own, or for a level the next step's.
 */
export function dialogDetails(
  program: Program | null,
  celebration: Celebration,
  foldedBadge?: Celebration,
  nextSteps: readonly NextStep[] = [],
): DialogDetails {
  const level = celebration.kind === 'level' ? program?.levels.find((l) => l.id === celebration.refId) : undefined
  const badgeId = foldedBadge?.refId ?? level?.unlocks?.badge
  const badge = badgeId ? program?.badges.find((b) => b.id === badgeId) : undefined
  const message = celebration.message ?? level?.unlocks?.message
  const milestoneCta = celebration.kind === 'milestone' ? program?.milestones.find((m) => m.id === celebration.refId)?.cta : undefined
  const step = celebration.kind === 'level' ? nextSteps.find((s) => s.cta) : undefined
  const cta = milestoneCta ? { cta: milestoneCta, milestoneId: celebration.refId } : step?.cta ? { cta: step.cta, milestoneId: step.milestoneId } : undefined
  return { ...(message ? { message } : {}), ...(badge ? { badge } : {}), features: level?.unlocks?.features ?? [], ...(cta ? { cta } : {}) }
}

export interface CelebrationDialogProps {
  celebration: Celebration
  details: DialogDetails
  messages: CelebrationMessages
  /** Called by the primary button, Escape and a click on the backdrop. */
  onClose(): void
  /** Called once the panel is on screen (the confetti origin). */
  onOpened?(panel: HTMLElement): void
  /** Wraps the panel with an entrance animation; absent while the animation code is not loaded. Read once, at opening. */
  Frame?: ComponentType<{ children: ReactNode; reducedMotion: boolean }> | null
  /** Live reduced-motion preference, passed to the frame. @default false */
  reducedMotion?: boolean
}

function BadgeIcon({ icon }: { icon: string | undefined }) {
  if (icon && /^https:\/\//i.test(icon)) return <img src={icon} alt="" width={40} height={40} />
  return <span>{icon ?? '🏅'}</span>
}

/** Accessible modal for one celebration: labelled, focus trapped, Escape closes, focus restored. */
export function CelebrationDialog(props: CelebrationDialogProps) {
  const { celebration, details, messages, onClose, onOpened, reducedMotion = false } = props
  // Chosen once, at opening: swapping the wrapper later would remount the panel and drop focus.
  const [Frame] = useState(() => props.Frame)
  const titleId = useId()
  const headlineId = useId()
  const messageId = useId()
  const panelRef = useRef<HTMLDivElement>(null)
  const primaryRef = useRef<HTMLButtonElement>(null)
  const onOpenedRef = useRef(onOpened)

  useLayoutEffect(() => {
    onOpenedRef.current = onOpened
  })

  useLayoutEffect(() => {
    const previous = document.activeElement
    primaryRef.current?.focus()
    if (panelRef.current) onOpenedRef.current?.(panelRef.current)
    return () => restoreFocus(previous)
  }, [])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose()
    } else if (event.key === 'Tab' && panelRef.current && trapTab(panelRef.current, event.shiftKey, document.activeElement)) {
      event.preventDefault()
    }
  }

  const panel = (
    <div
      ref={panelRef}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={details.message ? `${headlineId} ${messageId}` : headlineId}
      tabIndex={-1}
      data-cairn-celebration={celebration.id}
      data-kind={celebration.kind}
      onKeyDown={onKeyDown}
    >
      <h2 id={titleId} data-cairn-celebration-title="">
        {messages.dialogTitle}
      </h2>
      <p data-cairn-celebration-headline="">
        <span aria-hidden="true">{celebrationEmoji(celebration.kind)} </span>
        <span id={headlineId}>{celebrationHeadline(messages, celebration.kind, celebration.title)}</span>
      </p>
      {details.message ? (
        <p id={messageId} data-cairn-celebration-message="">
          {details.message}
        </p>
      ) : null}
      {details.badge ? (
        <div data-cairn-celebration-badge={details.badge.id}>
          <BadgeIcon icon={details.badge.icon} />
          <span>
            <small>{messages.dialogBadge}</small> {details.badge.title}
          </span>
        </div>
      ) : null}
      {details.features.length > 0 ? (
        <div data-cairn-celebration-features="">
          <small>{messages.dialogFeatures}</small>
          <ul>
            {details.features.map((feature) => (
              <li key={feature}>{feature}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div data-cairn-celebration-actions="">
        <button ref={primaryRef} type="button" data-cairn-celebration-primary="" onClick={onClose}>
          {messages.dialogContinue}
        </button>
        {details.cta ? (
          // Following the next step ends the moment too (an in-app route keeps the page alive).
          <span onClick={onClose}>
            <CtaLink cta={details.cta.cta} milestoneId={details.cta.milestoneId} placement="celebration" />
          </span>
        ) : null}
      </div>
    </div>
  )

  return (
    <div
      data-cairn-celebration-backdrop=""
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      {Frame ? <Frame reducedMotion={reducedMotion}>{panel}</Frame> : panel}
    </div>
  )
}
CelebrationDialog.displayName = 'CelebrationDialog'
