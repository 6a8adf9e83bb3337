// The "You did it!" dialog: a native <dialog> opened with showModal(), so the page behind is inert, Escape
// closes it and the browser keeps focus inside. Part of the lazy celebration chunk.
import { useId, useLayoutEffect, useRef } from 'react'
import type { Badge, Celebration, Cta, NextStep, Program } from '../../core'
import type { CairnState } from '../../store'
import { celebrationEmoji, celebrationHeadline, type CelebrationMessages } from './celebration-messages'
import { AnimatedFrame, fireConfetti } from './celebration-motion'
import type { ModalDisplay } from './celebration-queue'
import type { CelebrationKit } from './celebration-types'
import { ShareAction } from './share-action'
import { prefersReducedMotion, useReducedMotion } from './reduced-motion'

/** What a big moment shows besides its headline: the level's message, a badge, unlocked features and a next step. */
export interface DialogDetails {
  message?: string
  badge?: Badge
  /** Labels of the features a level unlocked; a feature given as a bare id has no label and is not shown. */
  features: string[]
  /** The one next step worth taking, offered beside "Keep going". */
  cta?: { cta: Cta; milestoneId: string }
}

/**
 * Looks up what the dialog shows besides the headline: the message (a level's, or a badge's description), the
 * badge folded in (or the level's own) with its description, labelled features, and a CTA — the milestone's
 * own, or for a level the next step's.
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
  // A badge's own dialog carries its description as the message.
  const message = celebration.message ?? level?.unlocks?.message
  const features = (level?.unlocks?.features ?? []).flatMap((f) => (typeof f === 'string' ? [] : [f.label]))
  const milestoneCta = celebration.kind === 'milestone' ? program?.milestones.find((m) => m.id === celebration.refId)?.cta : undefined
  const step = celebration.kind === 'level' ? nextSteps.find((s) => s.cta) : undefined
  const cta = milestoneCta ? { cta: milestoneCta, milestoneId: celebration.refId } : step?.cta ? { cta: step.cta, milestoneId: step.milestoneId } : undefined
  return { ...(message ? { message } : {}), ...(badge ? { badge } : {}), features, ...(cta ? { cta } : {}) }
}

/** Origin of the burst: the top centre of the dialog panel, in viewport fractions. */
function originOf(panel: HTMLElement): { x: number; y: number } {
  const rect = panel.getBoundingClientRect()
  const width = window.innerWidth || 1
  const height = window.innerHeight || 1
  return { x: (rect.left + rect.width / 2) / width || 0.5, y: rect.top / height || 0.4 }
}

/**
 * Gives focus back to the element that had it before the dialog opened; when that is gone, disabled or was
 * the page itself, to the widget's heading (or the launcher button), never to <body>.
 */
export function returnFocus(previous: Element | null): void {
  if (previous instanceof HTMLElement && previous !== document.body) previous.focus()
  if (previous !== null && previous !== document.body && document.activeElement === previous) return
  const fallback =
    document.querySelector<HTMLElement>('[data-cairn-widget] [data-cairn-title]') ?? document.querySelector<HTMLElement>('[data-cairn-launcher-button]')
  fallback?.focus()
}

const NO_STEPS: NextStep[] = []
const selectProgram = (state: CairnState) => state.program
const selectNextSteps = (state: CairnState) => state.progress?.nextSteps ?? NO_STEPS

function BadgeIcon({ icon }: { icon: string | undefined }) {
  if (icon && /^https:\/\//i.test(icon)) return <img src={icon} alt="" width={40} height={40} />
  return <span>{icon ?? '🏅'}</span>
}

export interface CelebrationDialogProps {
  modal: ModalDisplay
  messages: CelebrationMessages
  /** What the chunk borrows from the first load: the provider's context, the store selector hook and the CTA link. */
  kit: Pick<CelebrationKit, 'context' | 'useCairnSelector' | 'CtaLink'>
  /** Called by the primary button, Escape, a click on the backdrop and following the CTA. */
  onClose(): void
}

/** The modal for one big moment, with one burst of confetti for a level-up (never under reduced motion). */
export function CelebrationDialog({ modal, messages, onClose, kit: { context, useCairnSelector, CtaLink } }: CelebrationDialogProps) {
  const { celebration } = modal
  const program = useCairnSelector(selectProgram)
  const nextSteps = useCairnSelector(selectNextSteps)
  const reducedMotion = useReducedMotion()
  const details = dialogDetails(program, celebration, modal.badge, nextSteps)
  const [titleId, headlineId, messageId] = [useId(), useId(), useId()]
  const dialogRef = useRef<HTMLDialogElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const primaryRef = useRef<HTMLButtonElement>(null)
  const burst = useRef(false)

  useLayoutEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    const previous = document.activeElement
    dialog.showModal()
    primaryRef.current?.focus()
    const canvas = canvasRef.current
    // Read live, at the moment of firing: the preference may have changed since the last celebration.
    if (canvas && panelRef.current && !burst.current && !prefersReducedMotion()) fireConfetti(canvas, originOf(panelRef.current))
    burst.current = true
    return () => {
      dialog.close()
      returnFocus(previous)
    }
  }, [])

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={details.message ? `${headlineId} ${messageId}` : headlineId}
      data-cairn-celebration={celebration.id}
      data-kind={celebration.kind}
      // Escape closes through our own state (and a synthetic Escape works too); preventing the default keeps
      // the browser from closing the dialog behind React's back.
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        onClose()
      }}
      // Any close the browser does itself (e.g. a platform back gesture); a close from our own cleanup finds the
      // dialog re-opened (StrictMode) or already unmounted.
      onClose={(event) => {
        if (!event.currentTarget.open) onClose()
      }}
      // The dialog box hugs the panel, so a click on the dialog element itself is a click on the backdrop.
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      {modal.confetti ? <canvas ref={canvasRef} data-cairn-confetti="" aria-hidden="true" /> : null}
      <AnimatedFrame reducedMotion={reducedMotion}>
        <div ref={panelRef} data-cairn-celebration-panel="">
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
                <small>{messages.dialogBadge}</small> <strong>{details.badge.title}</strong>
                {details.badge.description ? <span data-cairn-celebration-badge-description="">{details.badge.description}</span> : null}
              </span>
            </div>
          ) : null}
          {details.features.length > 0 ? (
            <div data-cairn-celebration-features="">
              <small>{messages.dialogFeatures}</small>
              <ul>
                {details.features.map((label) => (
                  <li key={label}>{label}</li>
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
          {/* A team moment is the account's, not this user's to put their name on. */}
          {celebration.kind !== 'team' ? (
            <ShareAction kind={celebration.kind} refId={celebration.refId} title={celebration.title} context={context} messages={messages} />
          ) : null}
        </div>
      </AnimatedFrame>
    </dialog>
  )
}
CelebrationDialog.displayName = 'CelebrationDialog'
