import { useId } from 'react'

export interface IntervalChartProps {
  title: string
  /** One sentence for screen readers: the estimate, its interval and where zero lies. */
  description: string
  /** The estimate and its interval, in the same unit as the axis labels (here: percentage points). */
  estimate: number
  low: number
  high: number
  /** Formats the interval's end values ("+6.2"). */
  format: (value: number) => string
}

const tickLabel = new Intl.NumberFormat('en', { maximumFractionDigits: 1, signDisplay: 'exceptZero' })

// Geometry in viewBox units; the SVG scales to its container.
const WIDTH = 900
const HEIGHT = 70
const PAD = 60
const AXIS_Y = 50
const BAND_Y = 24

/** A difference and its 95% interval on a horizontal axis centred on zero ("no effect"). */
export function IntervalChart({ title, description, estimate, low, high, format }: IntervalChartProps) {
  const id = useId()
  // Symmetric around zero, in steps of 5 points, so "which side of zero" reads at a glance.
  const reach = Math.max(5, Math.ceil(Math.max(Math.abs(low), Math.abs(high)) / 5) * 5)
  const x = (value: number) => PAD + ((value + reach) / (2 * reach)) * (WIDTH - 2 * PAD)
  const ticks = [-reach, -reach / 2, 0, reach / 2, reach]
  return (
    <svg className="tk-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <line x1={PAD} x2={WIDTH - PAD} y1={AXIS_Y} y2={AXIS_Y} className="tk-chart-grid" />
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={tick === 0 ? 6 : AXIS_Y - 4} y2={AXIS_Y + 4} className={tick === 0 ? 'tk-interval-zero' : 'tk-chart-grid'} />
          <text x={x(tick)} y={HEIGHT - 2} textAnchor="middle" className="tk-chart-axis">
            {tick === 0 ? '0 (no effect)' : tickLabel.format(tick)}
          </text>
        </g>
      ))}
      <rect x={x(low)} y={BAND_Y - 5} width={Math.max(2, x(high) - x(low))} height={10} rx={5} className="tk-interval-band" />
      <circle cx={x(estimate)} cy={BAND_Y} r={8} className="tk-interval-point" />
      <text x={x(low) - 8} y={BAND_Y} dominantBaseline="middle" textAnchor="end" className="tk-chart-value">
        {format(low)}
      </text>
      <text x={x(high) + 8} y={BAND_Y} dominantBaseline="middle" className="tk-chart-value">
        {format(high)}
      </text>
    </svg>
  )
}
