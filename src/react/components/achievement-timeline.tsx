import { forwardRef, useId, useMemo } from 'react'
import { selectStatus, type HistoryEntry, type HistoryMonth } from '../../store'
import { useCairnContext } from '../context'
import { useAchievementHistory } from '../hooks/data-hooks'
import { useHoldout } from '../hooks/use-holdout'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { deHistoryMessages } from '../i18n/de-history'
import { enHistoryMessages } from '../i18n/en-history'
import { primaryLanguage, withOverrides } from '../i18n/locale-tables'
import type { FirstLoadMessages, HistoryMessages } from '../i18n/types'
import { ErrorNotice } from './widget-states'
import { usePartClass, usePartRoot } from './part-attributes'

export interface AchievementTimelineProps {
  /** `newest` puts this month (and its latest achievement) on top; `oldest` tells the story from the start. @default 'newest' */
  order?: 'newest' | 'oldest'
  /** Overrides for the timeline's own strings (heading, empty state). @default the locale's built-in strings */
  messages?: Partial<HistoryMessages>
  /** Class for the root `<section>`, after `classNames.timeline` from the provider. @default none */
  className?: string
}

/** Built-in timeline strings by primary language; other languages read English, like the rest of the widget. */
const BUILT_IN: Record<string, HistoryMessages> = { en: enHistoryMessages, de: deHistoryMessages }

/** Month headings ("November 2026") and day labels ("Nov 3") in the widget's locale, in UTC like every widget date. */
interface TimelineDates {
  month(yearMonth: string): string
  day(iso: string): string
}

// Intl constructors are costly; one pair per locale.
const datesByLocale = new Map<string, TimelineDates>()

function timelineDates(locale: string): TimelineDates {
  let dates = datesByLocale.get(locale)
  if (!dates) {
    const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })
    const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' })
    dates = { month: (yearMonth) => month.format(new Date(`${yearMonth}-01T00:00:00Z`)), day: (iso) => day.format(new Date(iso)) }
    datesByLocale.set(locale, dates)
  }
  return dates
}

/** The line of one entry, in the same past-tense words as the digest. */
function entryText(entry: HistoryEntry, messages: FirstLoadMessages): string {
  if (entry.kind === 'level') return messages.digestLevelCompleted(entry.title)
  if (entry.kind === 'badge') return messages.digestBadgeEarned(entry.title)
  return entry.doneTitle ?? messages.digestAchieved(entry.title)
}

function ordered(months: readonly HistoryMonth[], order: 'newest' | 'oldest'): readonly HistoryMonth[] {
  if (order === 'newest') return months
  return [...months].reverse().map((month) => ({ ...month, entries: [...month.entries].reverse() }))
}

/**
 * "Milestones over time": every milestone achieved, level completed and badge earned, grouped by month (a
 * heading and a list per month, each entry with its `<time dateTime>`). Fed from the loaded progress; not part
 * of `ProgressWidget`, so a page that never shows it never loads it. Before anything is achieved it says what
 * will appear here; until the first snapshot only a loading line, without its heading. Renders nothing for a
 * subject in the experiment's holdout.
 */
export const AchievementTimeline = forwardRef<HTMLElement, AchievementTimelineProps>(function AchievementTimeline(
  { order = 'newest', messages: overrides, className },
  ref,
) {
  const { messages, format, localeReady } = useCairnContext()
  const root = usePartRoot('timeline', className)
  const monthClass = usePartClass('timelineMonth')
  const headingId = useId()
  const status = useCairnSelector(selectStatus)
  const history = useAchievementHistory()
  const text = useMemo(() => withOverrides(BUILT_IN[primaryLanguage(format.locale)] ?? enHistoryMessages, overrides), [format.locale, overrides])
  const months = useMemo(() => ordered(history, order), [history, order])
  const holdout = useHoldout()
  const dates = timelineDates(format.locale)
  const state = status === 'ready' ? (months.length === 0 ? 'empty' : 'ready') : status
  // The experiment's holdout sees no part of the program (DESIGN §7.6), on a dashboard page as in the widget. Until
  // the first snapshot nobody knows who is held out: the timeline keeps its place with a loading line (or a failure
  // and retry) and nothing of its own, so a held-out user never sees its heading flash in and out.
  if (holdout) return null
  const loaded = status === 'ready'

  return (
    <section ref={ref} data-cairn-timeline="" data-state={state} aria-labelledby={loaded ? headingId : undefined} aria-busy={state === 'loading' || !localeReady ? true : undefined} {...root}>
      {/* h2 and h3: a timeline is a page's section of its own (a dashboard), not a card inside the widget panel. */}
      {loaded && (
        <h2 id={headingId} data-cairn-card-title="">
          {text.heading}
        </h2>
      )}
      {/* Until the locale's strings arrive the entries would read in English for a moment: wait (aria-busy). */}
      {localeReady && state === 'loading' && <p data-cairn-card-detail="">{messages.loading}</p>}
      {localeReady && state === 'error' && <ErrorNotice stale={false} />}
      {state === 'empty' && <p data-cairn-card-detail="">{text.empty}</p>}
      {localeReady && months.map(({ month, entries }) => (
        <section key={month} data-cairn-timeline-month={month} aria-labelledby={`${headingId}-${month}`} className={monthClass}>
          <h3 id={`${headingId}-${month}`} data-cairn-title="">
            {dates.month(month)}
          </h3>
          <ul>
            {entries.map((entry) => (
              <li key={`${entry.kind}:${entry.id}`} data-cairn-timeline-entry={entry.id} data-kind={entry.kind}>
                <time dateTime={entry.at} data-cairn-card-detail="">
                  {dates.day(entry.at)}
                </time>{' '}
                <span dir="auto">{entryText(entry, messages)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  )
})
AchievementTimeline.displayName = 'Cairn.AchievementTimeline'
