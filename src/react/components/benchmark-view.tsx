// The benchmark card's claims and words, and the badge rarity line: loaded with import() by the card and the
// badge shelf when the first snapshot with benchmarks arrives (a cohort below k, and local mode, send none). It
// imports no first-load module at run time: what it needs comes in as props, since a module both imported
// would land in a chunk every page loads.
import type { Ref } from 'react'
import { badgeRarityPercent, benchmarkClaims } from '../../core/benchmarks/benchmark-claims'
import type { Benchmarks, NextStep } from '../../core'
import type { CairnContextValue } from '../context'
import { enBenchmarkMessages } from '../i18n/en-benchmarks'
import type { usePartRoot } from './part-attributes'

/** The provider's strings over this chunk's English (the first load carries no benchmark lines). */
const messagesOf = (context: CairnContextValue) => ({ ...enBenchmarkMessages, ...context.messages })

export interface BenchmarkCardViewProps {
  context: CairnContextValue
  benchmarks: Benchmarks
  /** Milestones achieved, counted like the cohort's (`selectOverall`). */
  achieved: number
  nextStep: NextStep | undefined
  /** The part's root attributes (`usePartRoot('benchmarkCard', className)`). */
  root: ReturnType<typeof usePartRoot>
  sectionRef: Ref<HTMLElement>
}

/** The card's markup, or nothing when no line passes `benchmarkClaims`. */
export function BenchmarkCardView({ context, benchmarks, achieved, nextStep, root, sectionRef }: BenchmarkCardViewProps) {
  const { format } = context
  const messages = messagesOf(context)
  const claims = benchmarkClaims({ benchmarks, achieved, ...(nextStep && { nextStepId: nextStep.milestoneId }) })
  // `benchmarkClaims` sets only the claims it can make: no key, nothing honest and new to say.
  if (Object.keys(claims).length === 0) return null
  // Teams when the reader was compared as their account, people when on their own (no account).
  const peers = benchmarks.comparedAs

  return (
    <section ref={sectionRef} data-cairn-benchmark-card="" aria-label={messages.benchmarkHeading} {...root}>
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
}
BenchmarkCardView.displayName = 'Cairn.BenchmarkCardView'

/**
 * "Earned by 12% of teams like yours" (or "people like you" without an account) for one badge of the shelf: only
 * with an honest whole number (`badgeRarityPercent`), else nothing.
 */
export function badgeRarityLine(context: CairnContextValue, benchmarks: Benchmarks, badgeId: string) {
  const percent = badgeRarityPercent(benchmarks.badges?.[badgeId]?.earnedShare)
  return (
    percent !== undefined && (
      <span data-cairn-badge-rarity="" data-cairn-card-detail="">
        {messagesOf(context).badgeRarity(percent, context.format, benchmarks.comparedAs)}
      </span>
    )
  )
}
