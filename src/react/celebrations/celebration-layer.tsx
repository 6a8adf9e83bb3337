// Renders what the celebration queue says: one dialog, a toast corner, and a confetti canvas.
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import type { NextStep } from '../../core'
import { useCairnContext } from '../context'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { CelebrationDialog, dialogDetails } from './celebration-dialog'
import { resolveCelebrationMessages, type CelebrationMessages } from './celebration-messages'
import { CelebrationToasts, TOAST_DURATION_MS } from './celebration-toasts'
import { prefersReducedMotion, useReducedMotion } from './reduced-motion'
import { useCelebrationChunk } from './use-celebration-chunk'
import { useCelebrations, type UseCelebrationsOptions } from './use-celebrations'

export interface CelebrationLayerProps extends UseCelebrationsOptions {
  /** Overrides for any of the layer's strings. @default the provider locale's built-in table */
  messages?: Partial<CelebrationMessages>
  /** How long a toast stays (paused while hovered or focused). @default TOAST_DURATION_MS (6 s) */
  toastDurationMs?: number
  /** Where the layer is portalled, so a transformed or clipped widget never traps the dialog. @default document.body */
  container?: Element | null
  /** Class for the layer's root element. */
  className?: string
}

const NO_STEPS: NextStep[] = []
const subscribeNothing = () => () => {}

/** True on the client after hydration: portals and canvases need a document. */
function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  )
}

/** Origin of the burst: the top centre of the dialog panel, in viewport fractions. */
function originOf(panel: HTMLElement): { x: number; y: number } {
  const rect = panel.getBoundingClientRect()
  const width = window.innerWidth || 1
  const height = window.innerHeight || 1
  return { x: (rect.left + rect.width / 2) / width || 0.5, y: rect.top / height || 0.4 }
}

/**
 * The celebration layer: a level-up dialog with confetti, milestone toasts, and nothing twice.
 * Mount one per provider (`<ProgressWidget />` already does).
 */
export function CelebrationLayer({ messages: overrides, toastDurationMs = TOAST_DURATION_MS, container, className, ...options }: CelebrationLayerProps) {
  const { locale, dir, format, theme, unstyled } = useCairnContext()
  const program = useCairnSelector((state) => state.program, Object.is)
  const nextSteps = useCairnSelector((state) => state.progress?.nextSteps ?? NO_STEPS)
  const { modal, toasts, dismiss } = useCelebrations(options)
  const messages = resolveCelebrationMessages(locale, overrides)
  const reducedMotion = useReducedMotion()
  const { chunk, settled } = useCelebrationChunk(modal !== null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const panelRef = useRef<HTMLElement | null>(null)
  const burstFor = useRef<string | null>(null)
  const isClient = useIsClient()

  // One burst per modal, fired when both the panel and the confetti code are there (in either order).
  const burst = useCallback(() => {
    const panel = panelRef.current
    const canvas = canvasRef.current
    if (!modal?.confetti || !chunk || !panel || !canvas || burstFor.current === modal.key) return
    burstFor.current = modal.key
    // Read live, at the moment of firing: the preference may have changed since the last celebration.
    if (prefersReducedMotion()) return
    chunk.fireConfetti(canvas, originOf(panel))
  }, [modal, chunk])

  // Runs after the dialog's own layout effect registered its panel, and again if the chunk arrives late.
  useEffect(burst, [burst])
  const onOpened = useCallback((panel: HTMLElement) => {
    panelRef.current = panel
  }, [])

  if (!isClient) return null
  const root = (
    <div
      data-cairn-celebrations=""
      data-cairn-styled={unstyled ? undefined : ''}
      data-cairn-theme={theme}
      dir={dir}
      className={className}
    >
      <canvas ref={canvasRef} data-cairn-confetti="" aria-hidden="true" />
      {modal && settled ? (
        <CelebrationDialog
          key={modal.key}
          celebration={modal.celebration}
          details={dialogDetails(program, modal.celebration, modal.badge, nextSteps)}
          messages={messages}
          onClose={() => dismiss(modal.key)}
          onOpened={onOpened}
          Frame={chunk?.AnimatedFrame ?? null}
          reducedMotion={reducedMotion}
        />
      ) : null}
      <CelebrationToasts toasts={toasts} messages={messages} formatters={format} onDismiss={dismiss} durationMs={toastDurationMs} />
    </div>
  )
  return createPortal(root, container ?? document.body)
}
CelebrationLayer.displayName = 'CelebrationLayer'
