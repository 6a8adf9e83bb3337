import { forwardRef, memo, useCallback } from 'react'
import type { CairnState } from '../../store'
import { selectMilestone } from '../../store'
import { useCairnContext } from '../context'
import { useMilestone } from '../hooks/data-hooks'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { useHoldout } from '../hooks/use-holdout'
import { CtaLink } from './cta-link'
import { CheckIcon, LockIcon, OpenIcon } from './icons'
import { usePartRoot } from './part-attributes'
import { VisuallyHidden } from './visually-hidden'

const DAY_MS = 24 * 60 * 60 * 1000
/** Within this many days of its deadline an open milestone turns amber: close enough to matter, not so early it nags. */
export const DUE_SOON_DAYS = 2

/** Whole days from the snapshot's `evaluatedAt` to `dueAt` (a number, so the row re-renders only when the day changes). */
function daysUntilDue(state: CairnState, id: string): number | undefined {
  const dueAt = selectMilestone(id)(state)?.dueAt
  const now = state.progress?.evaluatedAt
  if (!dueAt || !now) return undefined
  return Math.ceil((Date.parse(dueAt) - Date.parse(now)) / DAY_MS)
}

export interface MilestoneRowProps {
  /** Milestone id from the program. */
  id: string
  /** Show the milestone's call to action when it has one. @default true */
  showCta?: boolean
  className?: string
}

/**
 * One milestone: title, "3 / 5", state, due date or catch-up nudge, and its CTA ("Catch up" once missed).
 * Program text takes its own direction (`dir="auto"`) and the fraction always reads left to right, so an
 * RTL page shows "40 / 50", not "50 / 40". Subscribes only to its own
 * milestone, so an update elsewhere never re-renders it. Ineligible milestones render nothing, and so does every row for the experiment's holdout.
 */
export const MilestoneRow = memo(forwardRef<HTMLDivElement, MilestoneRowProps>(function MilestoneRow({ id, showCta = true, className }, ref) {
  const { messages, format } = useCairnContext()
  const root = usePartRoot('milestone', className)
  const view = useMilestone(id)
  const dueInDays = useCairnSelector(useCallback((state: CairnState) => daysUntilDue(state, id), [id]))
  if (useHoldout() || !view || view.progress.state === 'ineligible') return null

  const { definition, progress } = view
  const { state } = progress
  const open = state === 'available' || state === 'in_progress'
  const dueSoon = open && dueInDays !== undefined && dueInDays <= DUE_SOON_DAYS
  const shown = state === 'achieved' ? progress.target : Math.min(progress.current, progress.target)
  const stateLabel = state === 'achieved' && progress.late ? messages.achievedLate : messages.milestoneState[state]
  return (
    <div
      ref={ref}
      data-cairn-milestone={id}
      data-state={state}
      data-due-soon={dueSoon ? '' : undefined}
      data-late={progress.late ? '' : undefined}
      {...root}
    >
      <span data-cairn-milestone-icon="">
        {state === 'achieved' ? <CheckIcon /> : state === 'locked' ? <LockIcon /> : <OpenIcon />}
      </span>
      <div data-cairn-milestone-body="">
        <span data-cairn-milestone-title="" dir="auto">
          {definition.title}
        </span>
        <span data-cairn-milestone-meta="">
          <bdi data-cairn-milestone-count="" dir="ltr">
            {messages.milestoneCount(shown, progress.target, format)}
          </bdi>
          {state === 'missed' ? (
            <span data-cairn-nudge="">{messages.missedNudge}</span>
          ) : (
            <span data-cairn-milestone-state="">{stateLabel}</span>
          )}
          {open && dueInDays !== undefined && (
            <span data-cairn-milestone-due="">{messages.dueBy(format.relativeDays(dueInDays))}</span>
          )}
        </span>
        {showCta && definition.cta && open && <CtaLink cta={definition.cta} milestoneId={id} placement="milestone" />}
        {showCta && definition.cta && state === 'missed' && (
          <CtaLink cta={definition.cta} milestoneId={id} placement="milestone">
            {messages.stepAction.catch_up}
            <VisuallyHidden>
              : <bdi>{definition.title}</bdi>
            </VisuallyHidden>
          </CtaLink>
        )}
      </div>
    </div>
  )
}))
MilestoneRow.displayName = 'Cairn.MilestoneRow'
