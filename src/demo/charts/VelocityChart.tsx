import { useId } from 'react'

export interface VelocityChartProps {
  title: string
  description: string
  /** Oldest first; the current week is `partial` (drawn hollow and labelled "so far", left out of the trend line). */
  weeks: { weekStart: string; achieved: number; partial?: boolean }[]
  /** When the active program version changed (the first entry is the initial version and gets no marker). @default [] */
  versions?: { version: string; activatedAt: string }[]
  locale?: string
}

const WIDTH = 900
const HEIGHT = 260
const PAD = { top: 16, right: 16, bottom: 34, left: 44 }
/** Horizontal guide lines; four keeps the chart quiet. */
const GRID_STEPS = 4
const WEEK_MS = 7 * 24 * 60 * 60 * 1000

/** Rounds a raw step up to 1, 2 or 5 × 10ⁿ so the axis reads 0, 150, 300… rather than 0, 129, 259…. */
function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1)))
  const fraction = raw / magnitude
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * magnitude
}

/** Milestones achieved per week as columns with a trend line; plain SVG with axes and an accessible title. */
export function VelocityChart({ title, description, weeks, versions = [], locale = 'en' }: VelocityChartProps) {
  const id = useId()
  const step = niceStep(Math.max(1, ...weeks.map((w) => w.achieved)) / GRID_STEPS)
  const max = step * GRID_STEPS
  const innerW = WIDTH - PAD.left - PAD.right
  const innerH = HEIGHT - PAD.top - PAD.bottom
  const slot = innerW / Math.max(1, weeks.length)
  const x = (i: number) => PAD.left + slot * i + slot / 2
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH
  const dateFormat = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' })
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 8))
  // A version change sits inside its week, in proportion to the time elapsed since the week started.
  const firstWeek = weeks.length > 0 ? Date.parse(weeks[0]!.weekStart) : NaN
  const changes = versions.slice(1).flatMap((change) => {
    const weeksIn = (Date.parse(change.activatedAt) - firstWeek) / WEEK_MS
    return weeksIn >= 0 && weeksIn < weeks.length ? [{ ...change, at: PAD.left + slot * weeksIn }] : []
  })
  // Date labels stop short of a "so far" label, so the two never overlap.
  const datedUntil = weeks.at(-1)?.partial ? weeks.length - 2 : weeks.length
  // A week still running would read as a slump, so the trend follows complete weeks only.
  const complete = weeks.flatMap((w, i) => (w.partial ? [] : [{ w, i }]))
  const line = complete.map(({ w, i }, n) => `${n === 0 ? 'M' : 'L'}${x(i).toFixed(1)} ${y(w.achieved).toFixed(1)}`).join(' ')
  return (
    <svg className="tk-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {Array.from({ length: GRID_STEPS + 1 }, (_, i) => {
        const value = step * i
        return (
          <g key={i}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(value)} y2={y(value)} className="tk-chart-grid" />
            <text x={PAD.left - 8} y={y(value)} textAnchor="end" dominantBaseline="middle" className="tk-chart-axis">
              {new Intl.NumberFormat(locale).format(value)}
            </text>
          </g>
        )
      })}
      {weeks.map((w, i) => {
        const label = dateFormat.format(new Date(w.weekStart))
        return (
          <g key={w.weekStart}>
            <title>{`Week of ${label}${w.partial ? ' (this week, so far)' : ''}: ${w.achieved} milestones achieved`}</title>
            <rect
              x={x(i) - slot * 0.3}
              y={y(w.achieved)}
              width={slot * 0.6}
              height={PAD.top + innerH - y(w.achieved)}
              rx={3}
              className={w.partial ? 'tk-chart-column-partial' : 'tk-chart-column'}
              data-partial={w.partial || undefined}
            />
            {w.partial ? (
              <text x={x(i)} y={HEIGHT - PAD.bottom + 18} textAnchor="middle" className="tk-chart-axis">
                so far
              </text>
            ) : (
              i % labelEvery === 0 &&
              i < datedUntil && (
                <text x={x(i)} y={HEIGHT - PAD.bottom + 18} textAnchor="middle" className="tk-chart-axis">
                  {label}
                </text>
              )
            )}
          </g>
        )
      })}
      {complete.length > 1 && <path d={line} fill="none" className="tk-chart-line" />}
      {changes.map((change) => (
        <g key={`${change.version}-${change.activatedAt}`} data-version-marker={change.version}>
          <title>{`Program version ${change.version} active from ${dateFormat.format(new Date(change.activatedAt))}`}</title>
          <line x1={change.at} x2={change.at} y1={PAD.top} y2={PAD.top + innerH} className="tk-chart-marker" />
          <text x={change.at + 4} y={PAD.top + 10} className="tk-chart-axis">{`v${change.version}`}</text>
        </g>
      ))}
    </svg>
  )
}
