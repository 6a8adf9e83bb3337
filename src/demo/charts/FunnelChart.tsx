import { useId, type ReactNode } from 'react'
import type { Funnel } from './funnel'

export interface FunnelChartProps {
  title: string
  description: string
  funnel: Funnel
  /** Whole-number percentages and counts. */
  formatPercent: (share: number) => string
  formatNumber: (n: number) => string
}

const WIDTH = 900
const LABEL_WIDTH = 260
const VALUE_WIDTH = 190
const ROW_HEIGHT = 30
const HEADING_HEIGHT = 28
const BAR_HEIGHT = 14

/**
 * The onboarding funnel on one scale (100 % = everyone who could start): a heading row per level, a bar per
 * step, and the signed change from the step above — including the first step of each level, where people
 * cross from one level to the next. Rises are shown as such ("+22 %"), never hidden.
 */
export function FunnelChart({ title, description, funnel, formatPercent, formatNumber }: FunnelChartProps) {
  const id = useId()
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH
  const scale = Math.max(1, funnel.start)
  let y = 0
  const rows: ReactNode[] = []
  const startWidth = barSpace
  rows.push(
    <g key="start" transform={`translate(0 ${y})`}>
      <title>{`Could start: ${formatNumber(funnel.start)} people (100%)`}</title>
      <text x={LABEL_WIDTH - 10} y={ROW_HEIGHT / 2} dominantBaseline="middle" textAnchor="end" className="tk-chart-label">
        Could start
      </text>
      <rect x={LABEL_WIDTH} y={(ROW_HEIGHT - BAR_HEIGHT) / 2} width={startWidth} height={BAR_HEIGHT} rx={4} className="tk-chart-start" />
      <text x={WIDTH - VALUE_WIDTH + 10} y={ROW_HEIGHT / 2} dominantBaseline="middle" className="tk-chart-value">
        {formatNumber(funnel.start)}
      </text>
    </g>,
  )
  y += ROW_HEIGHT
  funnel.steps.forEach((step, i) => {
    if (i === 0 || step.crossesLevel) {
      rows.push(
        <text key={`level-${step.levelId}`} x={LABEL_WIDTH} y={y + HEADING_HEIGHT - 8} className="tk-chart-heading">
          {step.levelTitle}
        </text>,
      )
      y += HEADING_HEIGHT
    }
    const width = Math.max(2, (step.count / scale) * barSpace)
    const change = step.change === undefined ? undefined : `${step.change > 0 ? '+' : step.change < 0 ? '−' : '±'}${formatPercent(Math.abs(step.change))}`
    rows.push(
      <g key={step.milestoneId} transform={`translate(0 ${y})`} data-funnel-step={step.milestoneId} data-change={step.change?.toFixed(3)}>
        <title>
          {`${step.label}: ${formatNumber(step.count)} people, ${formatPercent(step.ofStart)} of those who could start` +
            (change ? `; ${change} from the step above${step.crossesLevel ? ' (across the level boundary)' : ''}` : '') +
            (step.change !== undefined && step.change > 0 ? ' — more than the step above, as some people did this first' : '')}
        </title>
        <text x={LABEL_WIDTH - 10} y={ROW_HEIGHT / 2} dominantBaseline="middle" textAnchor="end" className="tk-chart-label">
          {step.label}
        </text>
        <rect x={LABEL_WIDTH} y={(ROW_HEIGHT - BAR_HEIGHT) / 2} width={barSpace} height={BAR_HEIGHT} rx={4} className="tk-chart-track" />
        <rect x={LABEL_WIDTH} y={(ROW_HEIGHT - BAR_HEIGHT) / 2} width={width} height={BAR_HEIGHT} rx={4} className="tk-chart-funnel" />
        <text x={WIDTH - VALUE_WIDTH + 10} y={ROW_HEIGHT / 2} dominantBaseline="middle" className="tk-chart-value">
          {`${formatNumber(step.count)} · ${formatPercent(step.ofStart)}`}
          {change && <tspan className={step.change !== undefined && step.change > 0 ? 'tk-chart-rise' : 'tk-chart-note'}>{`  ${change}`}</tspan>}
        </text>
      </g>,
    )
    y += ROW_HEIGHT
  })
  return (
    <svg className="tk-chart" viewBox={`0 0 ${WIDTH} ${y}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {rows}
    </svg>
  )
}
