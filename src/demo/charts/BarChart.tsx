import { useId } from 'react'

export interface BarDatum {
  label: string
  value: number
  /** The value as people read it ("72%", "3.5 days"). */
  display: string
  /** A second, quieter figure at the end of the row (e.g. the drop-off). */
  note?: string
}

export interface BarChartProps {
  title: string
  /** One sentence for screen readers: what the chart shows and the headline. */
  description: string
  data: BarDatum[]
  /** Scale maximum. @default the largest value */
  max?: number
  /** @default 'var(--tk-accent)' */
  color?: string
}

// Geometry in viewBox units; the SVG scales to its container.
const WIDTH = 900
const LABEL_WIDTH = 260
const VALUE_WIDTH = 220
const ROW_HEIGHT = 30
const BAR_HEIGHT = 14

/** Horizontal bars, one labelled row per datum: plain SVG with an accessible title and description. */
export function BarChart({ title, description, data, max, color = 'var(--tk-accent)' }: BarChartProps) {
  const id = useId()
  const scaleMax = max ?? Math.max(1, ...data.map((d) => d.value))
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH
  const height = Math.max(ROW_HEIGHT, data.length * ROW_HEIGHT)
  return (
    <svg className="tk-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {data.map((d, i) => {
        const y = i * ROW_HEIGHT
        const width = Math.max(2, (Math.max(0, d.value) / scaleMax) * barSpace)
        return (
          <g key={`${d.label}-${i}`} transform={`translate(0 ${y})`}>
            <title>{`${d.label}: ${d.display}${d.note ? `, ${d.note}` : ''}`}</title>
            <text x={LABEL_WIDTH - 10} y={ROW_HEIGHT / 2} dominantBaseline="middle" textAnchor="end" className="tk-chart-label">
              {d.label}
            </text>
            <rect x={LABEL_WIDTH} y={(ROW_HEIGHT - BAR_HEIGHT) / 2} width={barSpace} height={BAR_HEIGHT} rx={4} className="tk-chart-track" />
            <rect x={LABEL_WIDTH} y={(ROW_HEIGHT - BAR_HEIGHT) / 2} width={width} height={BAR_HEIGHT} rx={4} fill={color} />
            <text x={WIDTH - VALUE_WIDTH + 10} y={ROW_HEIGHT / 2} dominantBaseline="middle" className="tk-chart-value">
              {d.display}
              {d.note && <tspan className="tk-chart-note">{`  ${d.note}`}</tspan>}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
