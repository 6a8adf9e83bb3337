import { forwardRef } from 'react'
import { benchmarkClaims } from '../../core'
import { selectOverall } from '../../store'
import { useCairnContext } from '../context'
import { useBenchmarks, useNextStep } from '../hooks/data-hooks'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { usePartRoot } from './part-attributes'

export interface BenchmarkCardProps {
  className?: string
}

/**
 * How the user compares with teams like theirs at the same stage: their rank (only when they are ahead of the
 * typical team), when teams usually reach their next step (only while that is still ahead of them), and what
 * teams at their stage have typically done. Says nothing — renders nothing — when nothing honest and new can
 * be said: no benchmarks (cohort too small, or local mode), or no line that passes `benchmarkClaims`.
 */
export const BenchmarkCard = forwardRef<HTMLElement, BenchmarkCardProps>(function BenchmarkCard({ className }, ref) {
  const { messages, format } = useCairnContext()
  const root = usePartRoot('benchmarkCard', className)
  const benchmarks = useBenchmarks()
  const nextStep = useNextStep()
  const overall = useCairnSelector(selectOverall)
  if (!benchmarks) return null
  const claims = benchmarkClaims({ benchmarks, achieved: overall.completed, ...(nextStep && { nextStepId: nextStep.milestoneId }) })
  if (claims.topShare === undefined && claims.typicalWeek === undefined && claims.stage === undefined) return null

  return (
    <section ref={ref} data-cairn-benchmark-card="" aria-label={messages.benchmarkHeading} {...root}>
      <h3 data-cairn-card-title="">{messages.benchmarkHeading}</h3>
      {claims.topShare !== undefined && <p data-cairn-benchmark="top">{messages.benchmarkTop(claims.topShare, format)}</p>}
      {nextStep && claims.typicalWeek !== undefined && (
        <p data-cairn-benchmark="typical-week">
          <span data-cairn-card-detail="">
            <bdi>{nextStep.title}</bdi>:{' '}
          </span>
          {messages.benchmarkTypicalWeek(claims.typicalWeek, format)}
        </p>
      )}
      {claims.stage && (
        <p data-cairn-benchmark="stage" data-cairn-card-detail="">
          {messages.benchmarkStage(claims.stage.typical, claims.stage.yours, format)}
        </p>
      )}
    </section>
  )
})
BenchmarkCard.displayName = 'Cairn.BenchmarkCard'
