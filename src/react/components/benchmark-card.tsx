import { forwardRef } from 'react'
import { selectOverall } from '../../store'
import { useCairnContext } from '../context'
import { useBenchmarks, useNextStep } from '../hooks/data-hooks'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { usePartRoot } from './part-attributes'

/** Below the median a ranking discourages more than it motivates, so the percentile line stays hidden. */
export const MIN_PERCENTILE_SHOWN = 50
const DAYS_PER_WEEK = 7

export interface BenchmarkCardProps {
  className?: string
}

/**
 * "You're ahead of 80% of teams like yours", when the next step is usually done, and how the user compares
 * with teams at the same stage. Hidden entirely without benchmarks (cohort too small, or local mode).
 */
export const BenchmarkCard = forwardRef<HTMLElement, BenchmarkCardProps>(function BenchmarkCard({ className }, ref) {
  const { messages, format } = useCairnContext()
  const root = usePartRoot('benchmarkCard', className)
  const benchmarks = useBenchmarks()
  const nextStep = useNextStep()
  const overall = useCairnSelector(selectOverall)
  if (!benchmarks) return null

  const percentile = Math.round(benchmarks.percentile)
  const medianDays = nextStep ? benchmarks.milestones[nextStep.milestoneId]?.medianDaysToAchieve : undefined
  const typicalWeek = typeof medianDays === 'number' ? Math.max(1, Math.ceil(medianDays / DAYS_PER_WEEK)) : undefined
  const typicalCount = Math.round(benchmarks.typicalAchievedAtStage)
  const showPercentile = percentile >= MIN_PERCENTILE_SHOWN
  const showStage = typicalCount > 0
  if (!showPercentile && typicalWeek === undefined && !showStage) return null

  return (
    <section ref={ref} data-cairn-benchmark-card="" aria-label={messages.benchmarkHeading} {...root}>
      <h3 data-cairn-card-title="">{messages.benchmarkHeading}</h3>
      {showPercentile && <p data-cairn-benchmark="percentile">{messages.benchmarkPercentile(percentile, format)}</p>}
      {nextStep && typicalWeek !== undefined && (
        <p data-cairn-benchmark="typical-week">
          <span data-cairn-card-detail="">{nextStep.title}: </span>
          {messages.benchmarkTypicalWeek(typicalWeek, format)}
        </p>
      )}
      {showStage && (
        <p data-cairn-benchmark="stage" data-cairn-card-detail="">
          {messages.benchmarkStage(typicalCount, overall.completed, format)}
        </p>
      )}
    </section>
  )
})
BenchmarkCard.displayName = 'Cairn.BenchmarkCard'
