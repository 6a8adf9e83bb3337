// The big moment, loaded with import() on the first modal only (like the animation chunk, but small and
// plain): the dialog joined to the store, and the confetti burst. Nothing may import this file statically,
// or its weight lands in the first-load bundle.
import { useEffect, useRef, type RefObject } from 'react'
import type { NextStep } from '../../core'
import type { CairnState } from '../../store'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import type { CelebrationMessages } from '../i18n'
import { CelebrationDialog, dialogDetails } from './celebration-dialog'
import type { ModalDisplay } from './celebration-queue'
import { prefersReducedMotion, useReducedMotion } from './reduced-motion'
import type { CelebrationChunk } from './use-celebration-chunk'

const NO_STEPS: NextStep[] = []
const selectProgram = (state: CairnState) => state.program
const selectNextSteps = (state: CairnState) => state.progress?.nextSteps ?? NO_STEPS

/** Origin of the burst: the top centre of the dialog panel, in viewport fractions. */
function originOf(panel: HTMLElement): { x: number; y: number } {
  const rect = panel.getBoundingClientRect()
  const width = window.innerWidth || 1
  const height = window.innerHeight || 1
  return { x: (rect.left + rect.width / 2) / width || 0.5, y: rect.top / height || 0.4 }
}

export interface CelebrationModalProps {
  modal: ModalDisplay
  messages: CelebrationMessages
  onClose(): void
  /** The layer's confetti canvas (it outlives the dialog, so a burst is never cut short). */
  canvasRef: RefObject<HTMLCanvasElement | null>
  /** The animation chunk, when it has loaded. */
  chunk: CelebrationChunk | null
}

/** One modal celebration: its dialog, and one burst of confetti for a level-up. Keyed by the modal. */
export function CelebrationModal({ modal, messages, onClose, canvasRef, chunk }: CelebrationModalProps) {
  const program = useCairnSelector(selectProgram)
  const nextSteps = useCairnSelector(selectNextSteps)
  const reducedMotion = useReducedMotion()
  const panelRef = useRef<HTMLElement | null>(null)
  const burst = useRef(false)

  // Runs after the dialog's own layout effect registered its panel, and again if the chunk arrives late.
  useEffect(() => {
    const panel = panelRef.current
    const canvas = canvasRef.current
    if (!modal.confetti || !chunk || !panel || !canvas || burst.current) return
    burst.current = true
    // Read live, at the moment of firing: the preference may have changed since the last celebration.
    if (!prefersReducedMotion()) chunk.fireConfetti(canvas, originOf(panel))
  }, [modal.confetti, chunk, canvasRef])

  return (
    <CelebrationDialog
      celebration={modal.celebration}
      details={dialogDetails(program, modal.celebration, modal.badge, nextSteps)}
      messages={messages}
      onClose={onClose}
      onOpened={(panel) => {
        panelRef.current = panel
      }}
      Frame={chunk?.AnimatedFrame ?? null}
      reducedMotion={reducedMotion}
    />
  )
}
CelebrationModal.displayName = 'CelebrationModal'
