import { useEffect, useId, useState, type Ref } from 'react'
import type { Digest } from '../../core'
import { useCairnContext } from '../context'
import { CheckIcon, ChevronIcon } from './icons'
import { usePartRoot } from './part-attributes'

export interface DigestCardProps {
  /** Which summary to show. @default 'week' */
  period?: 'week' | 'month'
  /** Open (and load) at once instead of on the first click. @default false */
  defaultOpen?: boolean
  className?: string
  ref?: Ref<HTMLElement>
}

type Loaded = { key: string; digest: Digest } | { key: string; failed: true }

/** "This week you: ✅ …" — fetched from the source only when first opened, so it costs nothing until wanted. */
export function DigestCard({ period = 'week', defaultOpen = false, className, ref }: DigestCardProps) {
  const { source, messages, format, reportError } = useCairnContext()
  const root = usePartRoot('digest', className)
  const contentId = useId()
  const [open, setOpen] = useState(defaultOpen)
  const [attempt, setAttempt] = useState(0)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const key = `${period}:${attempt}`
  const current = loaded?.key === key ? loaded : null

  useEffect(() => {
    if (!open || current) return
    const controller = new AbortController()
    source.digest(period, controller.signal).then(
      (digest) => setLoaded({ key, digest }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        reportError(error)
        setLoaded({ key, failed: true })
      },
    )
    return () => controller.abort()
  }, [open, current, key, period, source, reportError])

  const digest = current && 'digest' in current ? current.digest : null
  const failed = current !== null && 'failed' in current
  const items = digest
    ? [
        ...digest.levelsCompleted.map((level) => ({ key: `level:${level.id}`, text: messages.digestLevelCompleted(level.title) })),
        ...digest.badges.map((badge) => ({ key: `badge:${badge.id}`, text: messages.digestBadgeEarned(badge.title) })),
        ...digest.achieved.map((milestone) => ({ key: `milestone:${milestone.milestoneId}`, text: milestone.title })),
      ]
    : []

  return (
    <section ref={ref} data-cairn-digest={period} data-state={failed ? 'error' : digest ? 'ready' : open ? 'loading' : 'idle'} {...root}>
      <h3 data-cairn-card-title="">
        <button type="button" aria-expanded={open} aria-controls={contentId} data-cairn-digest-toggle="" onClick={() => setOpen(!open)}>
          <ChevronIcon />
          {messages.digestToggle(period)}
        </button>
      </h3>
      <div id={contentId} hidden={!open} aria-busy={open && !current ? true : undefined}>
        {open && !current && <p data-cairn-card-detail="">{messages.loading}</p>}
        {failed && (
          <p data-cairn-notice="">
            {messages.loadError}{' '}
            <button type="button" data-cairn-retry="" onClick={() => setAttempt(attempt + 1)}>
              {messages.retry}
            </button>
          </p>
        )}
        {digest && items.length === 0 && !digest.minutesSaved && <p data-cairn-card-detail="">{messages.digestEmpty(period)}</p>}
        {digest && (items.length > 0 || Boolean(digest.minutesSaved)) && (
          <>
            <p data-cairn-card-detail="">{messages.digestIntro(period)}</p>
            <ul>
              {items.map((item) => (
                <li key={item.key}>
                  <CheckIcon />
                  {item.text}
                </li>
              ))}
              {digest.minutesSaved ? (
                <li>
                  <CheckIcon />
                  {messages.valueSaved(digest.minutesSaved, format)}
                </li>
              ) : null}
            </ul>
          </>
        )}
      </div>
    </section>
  )
}
DigestCard.displayName = 'Cairn.DigestCard'
