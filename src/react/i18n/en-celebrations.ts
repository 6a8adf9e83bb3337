import type { CelebrationMessages } from './types'

// Apart from en.ts: only the lazily loaded celebration chunk needs these, so they stay out of the first load.
/** English celebration strings (default). */
export const enCelebrationMessages: CelebrationMessages = {
  dialogTitle: 'You did it!',
  levelComplete: (title) => `Level complete: ${title}`,
  milestoneAchieved: (title) => `Milestone achieved: ${title}`,
  badgeEarned: (title) => `Badge earned: ${title}`,
  teamAchieved: (title) => `Your team just achieved: ${title}`,
  groupAchieved: (count, kinds, f) => {
    const noun = kinds.every((k) => k === 'milestone' || k === 'team') ? 'milestone' : 'achievement'
    return `${f.number(count)} ${noun}${f.plural(count) === 'one' ? '' : 's'} achieved`
  },
  dialogBadge: 'Badge earned',
  dialogFeatures: 'Now unlocked',
  dialogContinue: 'Keep going',
  toastDismiss: 'Dismiss',
  toastRegion: 'Celebrations',
}
