import { forwardRef, type ReactNode } from 'react'
import { usePartRoot } from './part-attributes'
import { percentOf, progressbarAria } from './progress-bar'

export interface ProgressRingProps {
  value: number
  /** @default 100 */
  max?: number
  /** Accessible name; leave out to make the ring decorative (`aria-hidden`) when text beside it says the same. */
  label?: string
  valueText?: string
  /** Outer size in px. @default 40 */
  size?: number
  /** Stroke width in px. @default 4 */
  thickness?: number
  /** Content centred inside the ring (e.g. a count). */
  children?: ReactNode
  className?: string
}

/** A circular progress indicator drawn in SVG. Usable outside a provider. */
export const ProgressRing = forwardRef<HTMLSpanElement, ProgressRingProps>(function ProgressRing({ value, max = 100, label, valueText, size = 40, thickness = 4, children, className }, ref) {
  const root = usePartRoot('progressRing', className)
  const radius = (size - thickness) / 2
  const circumference = 2 * Math.PI * radius
  const percent = percentOf(value, max)
  const a11y = label ? progressbarAria(label, value, max, valueText) : { 'aria-hidden': true }
  const circle = { cx: size / 2, cy: size / 2, r: radius, fill: 'none', strokeWidth: thickness }
  return (
    <span ref={ref} data-cairn-progress-ring="" data-state={percent >= 100 ? 'complete' : 'partial'} {...a11y} {...root}>
      <svg viewBox={`0 0 ${size} ${size}`} width={size} height={size} aria-hidden="true" focusable="false">
        <circle data-cairn-ring-track="" {...circle} />
        <circle
          data-cairn-ring-fill=""
          {...circle}
          strokeLinecap="round"
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - percent / 100)}
          // Start at 12 o'clock rather than 3.
          transform={`rotate(-90 ${size / 2} ${size / 2})`}
        />
      </svg>
      {children !== undefined && <span data-cairn-ring-label="">{children}</span>}
    </span>
  )
})
ProgressRing.displayName = 'Cairn.ProgressRing'
