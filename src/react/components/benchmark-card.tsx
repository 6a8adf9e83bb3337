import { forwardRef } from 'react'
import { CairnError } from '../../client'
import { selectOverall } from '../../store'
import { useCairnContext } from '../context'
import { useBenchmarks, useNextStep } from '../hooks/data-hooks'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { useHoldout } from '../hooks/use-holdout'
import { lazyModule, useLazyModule } from '../lazy-module'
import { usePartRoot } from './part-attributes'

export interface BenchmarkCardProps {
  className?: string
}

/**
 * The card's claims and words, and the badge shelf's rarity line (benchmark-view): the drop-in widget fetches them
 * while the first snapshot loads; a part used on its own, with the first snapshot that carries benchmarks. Until
 * they are there, and if they cannot load (reported through `onError` once a part wants them), neither shows.
 */
export const BENCHMARK_VIEW = lazyModule(() => import('./benchmark-view'))

/** Reports a benchmark view that could not load (offline, or a deploy removed the old file). */
export const benchmarkViewFailed = (reportError: (error: unknown) => void) => (error: unknown) =>
  reportError(new CairnError('network', 'The benchmark lines could not load (their code did not load)', undefined, error))

/**
 * How the user compares with peers at the same stage — teams like theirs, or people like them when they have no
 * account (`benchmarks.comparedAs`): their rank (only when they are ahead of the typical peer), when peers usually
 * reach their next step (only while that is still ahead of them), and what peers at their stage have typically
 * done. Says nothing — renders nothing — when nothing honest and new can be said: no benchmarks (cohort too small,
 * or local mode), or no line that passes `benchmarkClaims` — and for a subject in the experiment's holdout.
 */
export const BenchmarkCard = forwardRef<HTMLElement, BenchmarkCardProps>(function BenchmarkCard({ className }, ref) {
  const context = useCairnContext()
  const root = usePartRoot('benchmarkCard', className)
  const benchmarks = useBenchmarks()
  const nextStep = useNextStep()
  const overall = useCairnSelector(selectOverall)
  const view = useLazyModule(BENCHMARK_VIEW, benchmarks !== undefined, benchmarkViewFailed(context.reportError))
  if (useHoldout() || !benchmarks || !view) return null
  return <view.BenchmarkCardView context={context} benchmarks={benchmarks} achieved={overall.completed} nextStep={nextStep} root={root} sectionRef={ref} />
})
BenchmarkCard.displayName = 'Cairn.BenchmarkCard'
