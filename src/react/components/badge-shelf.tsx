import { forwardRef, lazy, Suspense } from 'react'
import type { Badge } from '../../core'
import type { CairnState } from '../../store'
import type { BadgeShareKit } from '../celebrations/badge-share'
import { useCairnContext } from '../context'
import { useBadges, useBenchmarks } from '../hooks/data-hooks'
import { useCairnSelector } from '../hooks/use-cairn-selector'
import { useHoldout } from '../hooks/use-holdout'
import { useLocaleTables } from '../i18n/locale-tables'
import { useBenchmarkView } from './benchmark-card'
import { usePartClass, usePartRoot } from './part-attributes'

export interface BadgeShelfProps {
  /** Show badges not earned yet (greyed out). @default true */
  showLocked?: boolean
  className?: string
}

/** Only https URLs are loaded as images; anything else in `icon` is an emoji (text), decorative either way. */
function BadgeIcon({ icon }: { icon: string | undefined }) {
  const url = icon?.trim() ?? ''
  const image = /^https:\/\//i.test(url)
  return (
    <span data-cairn-badge-icon="" aria-hidden={image ? undefined : 'true'}>
      {image ? <img src={url} alt="" width={28} height={28} loading="lazy" /> : icon || '🏅'}
    </span>
  )
}

// The share action (DESIGN §7.5) arrives with import() only where a program enables sharing: a row pays one import.
const BadgeShare = lazy(() => import('../celebrations/badge-share'))
const selectSharing = (state: CairnState) => state.program?.sharing?.enabled === true

/**
 * Earned badges with their description and date, then the ones still to earn (their description says how); each
 * with its rarity among teams like yours (people like you, without an account) when the benchmarks carry it.
 * Renders nothing when the program has no badges, and for a subject in the experiment's holdout.
 */
export const BadgeShelf = forwardRef<HTMLElement, BadgeShelfProps>(function BadgeShelf({ showLocked = true, className }, ref) {
  const context = useCairnContext()
  const { messages, format } = context
  const kit: BadgeShareKit = { context, useLocaleTables }
  const sharing = useCairnSelector(selectSharing) && context.source.share !== undefined
  const root = usePartRoot('badgeShelf', className)
  const badgeClass = usePartClass('badge')
  const { earned, locked } = useBadges()
  const benchmarks = useBenchmarks()
  // "Earned by 12% of teams like yours" (or "people like you" without an account): its words load with the
  // benchmark card's.
  const view = useBenchmarkView(true, benchmarks?.badges)
  // The experiment's holdout sees no part of the program (DESIGN §7.6), used on its own as in the widget.
  if (useHoldout() || (earned.length === 0 && (!showLocked || locked.length === 0))) return null
  const item = (badge: Badge, earnedAt: string | undefined) => (
    <li key={badge.id} data-cairn-badge={badge.id} data-state={earnedAt ? 'earned' : 'locked'} className={badgeClass}>
      <BadgeIcon icon={badge.icon} />
      <span data-cairn-badge-title="" dir="auto">
        {badge.title}
      </span>
      {badge.description && (
        <span data-cairn-badge-description="" dir="auto">
          {badge.description}
        </span>
      )}
      <span data-cairn-card-detail="">{earnedAt ? messages.badgeEarned(format.date(earnedAt)) : messages.badgeLocked}</span>
      {view && benchmarks && view.badgeRarityLine(context, benchmarks, badge.id)}
      {earnedAt && sharing ? (
        <Suspense fallback={null}>
          <BadgeShare badge={badge} kit={kit} />
        </Suspense>
      ) : null}
    </li>
  )
  return (
    <section ref={ref} data-cairn-badge-shelf="" aria-label={messages.badgesHeading} {...root}>
      <h3 data-cairn-card-title="">{messages.badgesHeading}</h3>
      <ul>
        {earned.map((badge) => item(badge, badge.earnedAt))}
        {showLocked && locked.map((badge) => item(badge, undefined))}
      </ul>
    </section>
  )
})
BadgeShelf.displayName = 'Cairn.BadgeShelf'
