// The open DigestCard's content: the request and the digest in words. Loaded with import() on the first
// opening of a DigestCard only; nothing may import this file statically except for types. What it needs from
// the first load comes in `kit`: a module both imported would land in a chunk every page loads.
import { useEffect, useState } from 'react'
import type { Digest } from '../../core'
import type { CairnContextValue } from '../context'
import { enDigestMessages } from '../i18n/en-digest'
import type { CheckIcon } from './icons'

/** One settled digest request, tagged with the `period:attempt` it answers. */
type DigestResult = { key: string; digest: Digest } | { key: string; failed: true }

/** The card's `data-state`: `idle` until first opened. */
export type DigestState = 'idle' | 'loading' | 'ready' | 'error'

export interface DigestContentProps {
  period: 'week' | 'month'
  /** Whether the card is open: a closed card fetches nothing. */
  open: boolean
  /** Told the request's state whenever it changes (the card shows it as `data-state`). */
  onState(state: DigestState): void
  /** The provider's context value and the check icon, handed over by the card. */
  kit: DigestKit
}

/** What the digest chunk borrows from the first load. */
export interface DigestKit {
  context: CairnContextValue
  CheckIcon: typeof CheckIcon
}

/** Fetches the period's digest from the source while open, and shows it (or a retry). */
export default function DigestContent({ period, open, onState, kit }: DigestContentProps) {
  const { source, messages, reportError } = kit.context
  const [attempt, setAttempt] = useState(0)
  const [loaded, setLoaded] = useState<DigestResult | null>(null)
  const key = `${period}:${attempt}`
  const current = loaded?.key === key ? loaded : null
  const state = current ? ('failed' in current ? 'error' : 'ready') : open ? 'loading' : 'idle'

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

  useEffect(() => onState(state), [state, onState])

  if (!current) return open ? <p data-cairn-card-detail="">{messages.loading}</p> : null
  return <DigestResultView result={current} period={period} kit={kit} onRetry={() => setAttempt(attempt + 1)} />
}
DigestContent.displayName = 'Cairn.DigestContent'

interface DigestResultViewProps {
  result: DigestResult
  period: 'week' | 'month'
  kit: DigestKit
  /** Loads again after a failure. */
  onRetry(): void
}

/** The failure notice with its retry, "nothing new yet", or the list of what happened in the period. */
function DigestResultView({ result, period, kit: { context, CheckIcon }, onRetry }: DigestResultViewProps) {
  const { format } = context
  // The provider's strings over this chunk's English (the first load carries no digest lines).
  const messages = { ...enDigestMessages, ...context.messages }
  if ('failed' in result) {
    return (
      <p data-cairn-notice="">
        {messages.loadError}{' '}
        <button type="button" data-cairn-retry="" onClick={onRetry}>
          {messages.retry}
        </button>
      </p>
    )
  }
  const { digest } = result
  const items = [
    ...digest.levelsCompleted.map((level) => ({ key: `level:${level.id}`, text: messages.digestLevelCompleted(level.title) })),
    ...digest.badges.map((badge) => ({ key: `badge:${badge.id}`, text: messages.digestBadgeEarned(badge.title) })),
    // Accomplishments, not instructions: the past-tense title, else "Achieved: <title>".
    ...digest.achieved.map((milestone) => ({
      key: `milestone:${milestone.milestoneId}`,
      text: milestone.doneTitle ?? messages.digestAchieved(milestone.title),
    })),
    // The period's own time saved (the API sends no running total here).
    ...(digest.minutesSaved ? [{ key: 'saved', text: messages.digestSaved(digest.minutesSaved, format) }] : []),
  ]
  if (items.length === 0) return <p data-cairn-card-detail="">{messages.digestEmpty(period)}</p>
  return (
    <>
      <p data-cairn-card-detail="">{messages.digestIntro(period)}</p>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <CheckIcon />
            <bdi>{item.text}</bdi>
          </li>
        ))}
      </ul>
    </>
  )
}
DigestResultView.displayName = 'Cairn.DigestResult'
