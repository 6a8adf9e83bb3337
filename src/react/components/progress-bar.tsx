import { forwardRef } from 'react'
import { usePartRoot } from './part-attributes'

export interface ProgressBarProps {
  /** Amount done. */
  value: number
  /** Amount that counts as complete. @default 100 */
  max?: number
  /** Accessible name, e.g. "Getting started progress". */
  label: string
  /** Spoken value, e.g. "2 of 3"; screen readers say a percentage without it. */
  valueText?: string
  className?: string
}

/** Clamps `value / max` to 0–100 so a target overshoot ("12 of 10") never overflows the track. */
export function percentOf(value: number, max: number): number {
  if (!(max > 0)) return 0
  return Math.min(100, Math.max(0, (value / max) * 100))
}

/** `role="progressbar"` with its aria values, shared by the bar and the labelled ring. */
export function progressbarAria(label: string, value: number, max: number, valueText: string | undefined) {
  return {
    role: 'progressbar',
    'aria-label': label,
    'aria-valuemin': 0,
    'aria-valuemax': max,
    'aria-valuenow': Math.min(value, max),
    'aria-valuetext': valueText,
  } as const
}

/**
 * A 6 px rounded bar with `role="progressbar"` and its aria values. Usable outside a provider. The fill is an empty
 * `<svg>` whose `width` attribute (a percentage) sizes it: server-rendered markup carries no `style` attribute for a
 * strict CSP (`style-src` without 'unsafe-inline') to block, and the width is right before any script runs.
 */
export const ProgressBar = forwardRef<HTMLDivElement, ProgressBarProps>(function ProgressBar({ value, max = 100, label, valueText, className }, ref) {
  const root = usePartRoot('progressBar', className)
  const percent = percentOf(value, max)
  return (
    <div
      ref={ref}
      {...progressbarAria(label, value, max, valueText)}
      data-cairn-progress-bar=""
      data-state={percent >= 100 ? 'complete' : 'partial'}
      {...root}
    >
      {/* Height 0 until a stylesheet sizes it, like the empty <div> this was: without any CSS (`unstyled`, before the
          host's rules load) an <svg> would otherwise take 150 px, or the page's height. */}
      <svg data-cairn-progress-fill="" width={`${percent}%`} height="0" />
    </div>
  )
})
ProgressBar.displayName = 'Cairn.ProgressBar'
