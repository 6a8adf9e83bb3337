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

// The card's claims and words, and the badge shelf's rarity line (benchmark-view).
export const BENCHMARK_VIEW = lazyModule(() =>
  import('./benchmark-view').catch((error: unknown) => {
    throw new CairnError('network', 'The benchmark lines could not load (their code did not load)', undefined, error)
  }),
)

/**
 * The benchmark lines, fetched from mount on, beside the first request, while `wanted` and unless the source never
 * carries benchmarks (`Source.benchmarks === false`): fetched only with the first benchmarks, they came after them
 * and the card pushed the list below it down a moment later. Pass `shown`, the benchmarks a part has to show, once
 * it has them: a load that failed (offline, or a deploy removed the old file) is then reported through `onError`,
 * once. Until the lines are there, and if they cannot load, neither the card nor the rarity line shows.
 * @default shown: none (a quiet preload)
 */
export function useBenchmarkView(wanted: boolean, shown?: object) {
  const { source, reportError } = useCairnContext()
  return useLazyModule(BENCHMARK_VIEW, wanted && source.benchmarks !== false, shown && reportError)
}

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
  const view = useBenchmarkView(true, benchmarks)
  if (useHoldout() || !benchmarks || !view) return null
  return <view.BenchmarkCardView context={context} benchmarks={benchmarks} achieved={overall.completed} nextStep={nextStep} root={root} sectionRef={ref} />
})
BenchmarkCard.displayName = 'Cairn.BenchmarkCard'
