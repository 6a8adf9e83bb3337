import type { CelebrationKind } from '../../core'
import type { CelebrationMessages } from '../i18n'

// The tables live with the other strings in ../i18n (German in its lazily loaded door).
export type { CelebrationMessages }

/** What a single celebration is called in a heading or toast. A new kind adds its line here. */
export function celebrationHeadline(messages: CelebrationMessages, kind: CelebrationKind, title: string): string {
  if (kind === 'level') return messages.levelComplete(title)
  if (kind === 'badge') return messages.badgeEarned(title)
  if (kind === 'team') return messages.teamAchieved(title)
  return messages.milestoneAchieved(title)
}

/** Decorative emoji shown beside a headline (never part of the announced text). */
export function celebrationEmoji(kind: CelebrationKind): string {
  return kind === 'badge' ? '🏅' : kind === 'team' ? '🙌' : '🎉'
}
