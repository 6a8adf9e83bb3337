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
 * How the user compares with peers at the same stage — teams like theirs, or people like them when they have no
 * account (`benchmarks.comparedAs`): their rank (only when they are ahead of the typical peer), when peers usually
 * reach their next step (only while that is still ahead of them), and what peers at their stage have typically
 * done. Says nothing — renders nothing — when nothing honest and new can be said: no benchmarks (cohort too small,
 * or local mode), or no line that passes `benchmarkClaims`.
 */
export const BenchmarkCard = forwardRef<HTMLElement, BenchmarkCardProps>(function BenchmarkCard({ className }, ref) {
  const { messages, format } = useCairnContext()
  const root = usePartRoot('benchmarkCard', className)
  const benchmarks = useBenchmarks()
  const nextStep = useNextStep()
  const overall = useCairnSelector(selectOverall)
  if (!benchmarks) return null
  const claims = benchmarkClaims({ benchmarks, achieved: overall.completed, ...(nextStep && { nextStepId: nextStep.milestoneId }) })
  // `benchmarkClaims` sets only the claims it can make: no key, nothing honest and new to say.
  if (Object.keys(claims).length === 0) return null
  // Teams when the reader was compared as their account, people when on their own (no account).
  const peers = benchmarks.comparedAs

  return (
    <section ref={ref} data-cairn-benchmark-card="" aria-label={messages.benchmarkHeading} {...root}>
      <h3 data-cairn-card-title="">{messages.benchmarkHeading}</h3>
      {claims.topShare !== undefined && <p data-cairn-benchmark="top">{messages.benchmarkTop(claims.topShare, format, peers)}</p>}
      {nextStep && claims.typicalWeek !== undefined && (
        <p data-cairn-benchmark="typical-week">
          <span data-cairn-card-detail="">
            <bdi>{nextStep.title}</bdi>:{' '}
          </span>
          {messages.benchmarkTypicalWeek(claims.typicalWeek, format, peers)}
        </p>
      )}
      {claims.stage && (
        <p data-cairn-benchmark="stage" data-cairn-card-detail="">
          {messages.benchmarkStage(claims.stage.typical, claims.stage.yours, format, peers)}
        </p>
      )}
    </section>
  )
})
BenchmarkCard.displayName = 'Cairn.BenchmarkCard'
