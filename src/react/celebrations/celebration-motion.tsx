// Motion (the dialog's scale-in) and canvas-confetti: the heavy part of the lazy celebration chunk.
// Only the chunk's own modules may import this file, or its weight lands in the first-load bundle.
import type { ReactNode } from 'react'
import { LazyMotion, MotionConfig, domAnimation, m } from 'motion/react'
import confetti from 'canvas-confetti'

/** Short and purposeful (DESIGN "Look and feel"): 150–250 ms, ease-out. */
const DIALOG_ENTER = { duration: 0.22, ease: 'easeOut' } as const
/** A gentle scale-in: noticeable, never bouncy. */
const DIALOG_START_SCALE = 0.94

/** Props of the animated frame around the dialog panel. */
export interface AnimatedFrameProps {
  children: ReactNode
  /** Skip the scale (opacity only) — the live reduced-motion preference. */
  reducedMotion: boolean
}

/** Scales and fades the dialog panel in. Reduced motion keeps only the fade. */
export function AnimatedFrame({ children, reducedMotion }: AnimatedFrameProps) {
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={domAnimation} strict>
        <m.div
          data-cairn-celebration-frame=""
          initial={reducedMotion ? { opacity: 0 } : { opacity: 0, scale: DIALOG_START_SCALE }}
          animate={reducedMotion ? { opacity: 1 } : { opacity: 1, scale: 1 }}
          transition={DIALOG_ENTER}
        >
          {children}
        </m.div>
      </LazyMotion>
    </MotionConfig>
  )
}

/** Brand-neutral colours that read on light and dark pages alike. */
const CONFETTI_COLORS = ['#6366f1', '#22c55e', '#f59e0b', '#ec4899', '#0ea5e9']
/** One burst, not a shower: enough to feel, short enough not to distract. */
const BURST = { particleCount: 90, spread: 70, startVelocity: 38, ticks: 180, scalar: 0.9 } as const

/**
 * Fires one burst of confetti on `canvas` (the dialog's own) from `origin` (0–1 viewport fractions).
 * The caller decides about reduced motion (read live at the moment of firing).
 */
export function fireConfetti(canvas: HTMLCanvasElement, origin: { x: number; y: number }): void {
  // No worker: transferring the canvas offscreen would make it unusable for a second create().
  // No disableForReducedMotion: the library reads the preference once, at create(); the caller reads it live.
  const launch = confetti.create(canvas, { resize: true, useWorker: false })
  void launch({ ...BURST, origin, colors: CONFETTI_COLORS })
}
