// A loaded (or failed) digest, in words. Loaded with import() on the first opening of a DigestCard only;
// nothing may import this file statically except for types.
import type { Digest } from '../../core'
import { useCairnContext } from '../context'
import { CheckIcon } from './icons'

/** One settled digest request, tagged with the `period:attempt` it answers. */
export type DigestResult = { key: string; digest: Digest } | { key: string; failed: true }

export interface DigestResultViewProps {
  result: DigestResult
  period: 'week' | 'month'
  /** Loads again after a failure. */
  onRetry(): void
}

/** The failure notice with its retry, "nothing new yet", or the list of what happened in the period. */
export default function DigestResultView({ result, period, onRetry }: DigestResultViewProps) {
  const { messages, format } = useCairnContext()
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
    ...digest.achieved.map((milestone) => ({ key: `milestone:${milestone.milestoneId}`, text: milestone.title })),
    ...(digest.minutesSaved ? [{ key: 'saved', text: messages.valueSaved(digest.minutesSaved, format) }] : []),
  ]
  if (items.length === 0) return <p data-cairn-card-detail="">{messages.digestEmpty(period)}</p>
  return (
    <>
      <p data-cairn-card-detail="">{messages.digestIntro(period)}</p>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <CheckIcon />
            {item.text}
          </li>
        ))}
      </ul>
    </>
  )
}
DigestResultView.displayName = 'Cairn.DigestResult'
