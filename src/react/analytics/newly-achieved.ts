import type { MeProgress, Program } from '../../core'
import type { CairnAnalyticsEvents, CairnSubject } from './types'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Milestone ids that flipped to `achieved` between two snapshots. The initial load (`previous` null) yields
 * nothing: milestones done before the widget opened are history, not news.
 */
export function newlyAchieved(previous: MeProgress | null, next: MeProgress | null): string[] {
  if (!previous || !next) return []
  return Object.entries(next.milestones)
    .filter(([id, milestone]) => milestone.state === 'achieved' && previous.milestones[id]?.state !== 'achieved')
    .map(([id]) => id)
}

/** The `milestone_achieved` analytics payload for one milestone. */
export function achievementEvent(
  program: Program,
  progress: MeProgress,
  milestoneId: string,
  subject: CairnSubject | undefined,
): CairnAnalyticsEvents['milestone_achieved'] | null {
  const milestone = program.milestones.find((candidate) => candidate.id === milestoneId)
  if (!milestone) return null
  const timestamp = progress.milestones[milestoneId]?.achievedAt ?? progress.evaluatedAt
  const signedUp = subject?.signedUpAt ? Date.parse(subject.signedUpAt) : Number.NaN
  return {
    milestone_id: milestoneId,
    milestone_type: milestone.criterion.kind,
    milestone_category: milestone.category,
    days_since_signup: Number.isNaN(signedUp) ? null : Math.max(0, Math.floor((Date.parse(timestamp) - signedUp) / DAY_MS)),
    user_id: subject?.userId ?? null,
    account_id: subject?.accountId ?? null,
    timestamp,
  }
}
