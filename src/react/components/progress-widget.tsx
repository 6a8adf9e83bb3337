import { forwardRef, useId, useMemo, type ReactNode, type Ref } from 'react'
import type { CairnState } from '../../store'
import { selectCurrentLevel, selectError, selectOverall, selectStatus } from '../../store'
import { useCairnContext } from '../context'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { useHoldout } from '../hooks/use-holdout'
import { BadgeShelf } from './badge-shelf'
import { BenchmarkCard, useBenchmarkView } from './benchmark-card'
import { DigestCard } from './digest-card'
import { CairnErrorBoundary } from './error-boundary'
import { ExtraMilestones } from './extra-milestones'
import { LevelChecklist } from './level-checklist'
import { LiveRegion } from './live-region'
import { mergeRefs } from './merge-refs'
import { NextStepPrompt } from './next-step-prompt'
import { usePartClass, usePartRoot } from './part-attributes'
import { ProgressBar } from './progress-bar'
import { ProgressRing } from './progress-ring'
import { useViewedRef } from './use-viewed'
import { ValueSummary } from './value-summary'
import { ErrorNotice, LoadingSkeleton } from './widget-states'

export interface ProgressWidgetProps {
  /** Show the badge shelf. @default true */
  showBadges?: boolean
  /** Show the benchmark card (it hides itself without benchmarks). @default true */
  showBenchmarks?: boolean
  /** Offer the lazily loaded digest for this period; `false` leaves it out. @default 'week' */
  digest?: 'week' | 'month' | false
  /** Shown instead of the widget if it ever crashes. @default null (nothing) */
  fallback?: ReactNode
  className?: string
}

/** True once loaded when nothing can be shown: no milestone the user is eligible for. */
function isEmpty(state: CairnState): boolean {
  const milestones = state.progress?.milestones
  return state.status === 'ready' && (!milestones || Object.values(milestones).every((m) => m.state === 'ineligible'))
}

/** The drop-in widget: level header, checklist, next step, badges, benchmarks, digest and celebrations. */
export const ProgressWidget = forwardRef<HTMLElement, ProgressWidgetProps>(function ProgressWidget({ fallback = null, ...props }, ref) {
  const { reportError } = useCairnContext()
  const holdout = useHoldout()
  // The experiment's holdout sees no widget at all (DESIGN §7.6).
  if (holdout) return null
  return (
    <CairnErrorBoundary onError={reportError} fallback={fallback}>
      <WidgetPanel {...props} rootRef={ref} />
    </CairnErrorBoundary>
  )
})
ProgressWidget.displayName = 'Cairn.ProgressWidget'

function WidgetPanel({ showBadges = true, showBenchmarks = true, digest = 'week', className, rootRef: ref }: Omit<ProgressWidgetProps, 'fallback'> & { rootRef: Ref<HTMLElement> }) {
  const { messages, localeReady, format, dir, locale, markViewed } = useCairnContext()
  const root = usePartRoot('root', className)
  const headerClass = usePartClass('header')
  const titleId = useId()
  // Until the locale's strings arrive the widget shows its skeleton: no text beats a flash of English.
  const status = useCairnSelector(selectStatus)
  const shownStatus = localeReady ? status : 'loading'
  const error = useCairnSelector(selectError)
  const overall = useCairnSelector(selectOverall)
  const level = useCairnSelector(selectCurrentLevel)
  const empty = useCairnSelector(isEmpty)
  const ready = shownStatus === 'ready'
  const viewedRef = useViewedRef(markViewed)
  const rootRef = useMemo(() => mergeRefs(ref, viewedRef), [ref, viewedRef])
  // The card and the shelf mount with the first snapshot: their lines load beside the first request instead, quietly
  // (a part that has benchmarks reports a failure). One extra render of this panel when it settles, usually while
  // the skeleton shows.
  useBenchmarkView(showBenchmarks || showBadges)

  return (
    <section
      ref={rootRef}
      data-cairn-widget=""
      data-status={shownStatus}
      aria-labelledby={localeReady ? titleId : undefined}
      aria-busy={shownStatus === 'loading' ? true : undefined}
      dir={dir}
      lang={locale}
      {...root}
    >
      {localeReady && (
        <header data-cairn-header="" className={headerClass}>
          {ready && !empty && (
            <ProgressRing value={overall.completed} max={overall.total} label={messages.overallProgressLabel} valueText={messages.progressOf(overall.completed, overall.total, format)} size={44} />
          )}
          <div data-cairn-header-text="">
            {/* Focusable from script only: where focus goes when a celebration dialog closes and its opener is gone. */}
            <h2 id={titleId} data-cairn-title="" tabIndex={-1}>
              {messages.widgetTitle}
            </h2>
            {level && (
              <p data-cairn-current-level="">
                {messages.currentLevel(level.position, level.title, level.completed, level.total, format)}
              </p>
            )}
          </div>
        </header>
      )}
      {shownStatus === 'loading' && <LoadingSkeleton />}
      {shownStatus === 'error' && <ErrorNotice stale={false} />}
      {ready && error !== null && <ErrorNotice stale />}
      {ready && empty && <p data-cairn-empty="">{messages.empty}</p>}
      {ready && !empty && (
        <>
          {level && (
            <ProgressBar value={level.completed} max={level.total} label={messages.levelProgressLabel(level.title)} valueText={messages.progressOf(level.completed, level.total, format)} />
          )}
          <ValueSummary />
          <NextStepPrompt />
          {/* Right under the next step, above the fold: "ahead of 80% of teams like yours" is a key motivator. */}
          {showBenchmarks && <BenchmarkCard />}
          <LevelChecklist />
          <ExtraMilestones />
          {showBadges && <BadgeShelf />}
          {digest && <DigestCard period={digest} />}
        </>
      )}
      <LiveRegion />
    </section>
  )
}
WidgetPanel.displayName = 'Cairn.ProgressWidgetPanel'
