import type { CelebrationMessages } from './types'

// Apart from en.ts: only the lazily loaded celebration runtime needs these, so they stay out of the first load.
/** English celebration strings (default). */
export const enCelebrationMessages: CelebrationMessages = {
  dialogTitle: 'You did it!',
  levelComplete: (title) => `Level complete: ${title}`,
  milestoneUnlocked: (title) => `Milestone unlocked: ${title}`,
  badgeEarned: (title) => `Badge earned: ${title}`,
  groupUnlocked: (count, kinds, f) => {
    const noun = kinds.every((k) => k === 'milestone') ? 'milestone' : 'achievement'
    return `${f.number(count)} ${noun}${f.plural(count) === 'one' ? '' : 's'} unlocked`
  },
  dialogBadge: 'Badge earned',
  dialogFeatures: 'Now unlocked',
  dialogContinue: 'Keep going',
  toastDismiss: 'Dismiss',
  toastRegion: 'Celebrations',
}
