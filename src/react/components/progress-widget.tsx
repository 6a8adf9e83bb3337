import { useId, useMemo, type ReactNode, type Ref } from 'react'
import type { CairnState } from '../../store'
import { selectCurrentLevel, selectError, selectOverall, selectStatus } from '../../store'
import { CelebrationLayer } from '../celebrations'
import { useCairnContext } from '../context'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { BadgeShelf } from './badge-shelf'
import { BenchmarkCard } from './benchmark-card'
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
  /** Mount the celebration layer (dialog, toasts, confetti). @default true */
  celebrations?: boolean
  /** Shown instead of the widget if it ever crashes. @default null (nothing) */
  fallback?: ReactNode
  className?: string
  ref?: Ref<HTMLElement>
}

/** True once loaded when nothing can be shown: no milestone the user is eligible for. */
function isEmpty(state: CairnState): boolean {
  const milestones = state.progress?.milestones
  return state.status === 'ready' && (!milestones || Object.values(milestones).every((m) => m.state === 'ineligible'))
}

/** The drop-in widget: level header, checklist, next step, badges, benchmarks, digest and celebrations. */
export function ProgressWidget({ fallback = null, ...props }: ProgressWidgetProps) {
  const { reportError } = useCairnContext()
  return (
    <CairnErrorBoundary onError={reportError} fallback={fallback}>
      <WidgetPanel {...props} />
    </CairnErrorBoundary>
  )
}
ProgressWidget.displayName = 'Cairn.ProgressWidget'

function WidgetPanel({ showBadges = true, showBenchmarks = true, digest = 'week', celebrations = true, className, ref }: Omit<ProgressWidgetProps, 'fallback'>) {
  const { messages, format, dir, locale, markViewed } = useCairnContext()
  const root = usePartRoot('root', className)
  const headerClass = usePartClass('header')
  const titleId = useId()
  const status = useCairnSelector(selectStatus)
  const error = useCairnSelector(selectError)
  const overall = useCairnSelector(selectOverall)
  const level = useCairnSelector(selectCurrentLevel)
  const empty = useCairnSelector(isEmpty)
  const viewedRef = useViewedRef(markViewed)
  const rootRef = useMemo(() => mergeRefs(ref, viewedRef), [ref, viewedRef])

  return (
    <section
      ref={rootRef}
      data-cairn-widget=""
      data-status={status}
      aria-labelledby={titleId}
      aria-busy={status === 'loading' ? true : undefined}
      dir={dir}
      lang={locale}
      {...root}
    >
      <header data-cairn-header="" className={headerClass}>
        {status === 'ready' && !empty && (
          <ProgressRing value={overall.completed} max={overall.total} label={messages.overallProgressLabel} valueText={messages.progressOf(overall.completed, overall.total, format)} size={44} />
        )}
        <div data-cairn-header-text="">
          <h2 id={titleId} data-cairn-title="">
            {messages.widgetTitle}
          </h2>
          {level && (
            <p data-cairn-current-level="">
              {messages.currentLevel(level.position, level.title, level.completed, level.total, format)}
            </p>
          )}
        </div>
      </header>
      {status === 'loading' && <LoadingSkeleton />}
      {status === 'error' && <ErrorNotice stale={false} />}
      {status === 'ready' && error !== null && <ErrorNotice stale />}
      {status === 'ready' && empty && <p data-cairn-empty="">{messages.empty}</p>}
      {status === 'ready' && !empty && (
        <>
          {level && (
            <ProgressBar value={level.completed} max={level.total} label={messages.levelProgressLabel(level.title)} valueText={messages.progressOf(level.completed, level.total, format)} />
          )}
          <ValueSummary />
          <NextStepPrompt />
          <LevelChecklist />
          <ExtraMilestones />
          {showBadges && <BadgeShelf />}
          {showBenchmarks && <BenchmarkCard />}
          {digest && <DigestCard period={digest} />}
        </>
      )}
      <LiveRegion />
      {celebrations && <CelebrationLayer />}
    </section>
  )
}
WidgetPanel.displayName = 'Cairn.ProgressWidgetPanel'
