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
  share: 'Share',
  shareNamed: (title) => `Share ${title}`,
  shareNote: (product) => `Creates a public page with this achievement and ${product}, never your email.`,
  shareNameLabel: 'Your first name (optional)',
  shareNameInvalid: 'Letters only (spaces and hyphens are fine), up to 40.',
  shareCreate: 'Create link',
  shareCreating: 'Creating your link…',
  shareReady: 'Your link is ready.',
  shareLinkLabel: 'Link to your page',
  shareNative: 'Share…',
  shareNewTab: '(new tab)',
  shareCopy: 'Copy link',
  shareCopied: 'Link copied',
  shareCopyFailed: "Couldn't copy. The link is selected: copy it yourself.",
  shareRemove: 'Remove link',
  shareRemoved: 'Link removed. The page is no longer public.',
  shareRemoveFailed: "Couldn't remove the link: the page is still public.",
  shareFailed: "Couldn't create the link. Please try again.",
  shareOff: 'Sharing is turned off for this product.',
  shareText: (kind, title, product) =>
    kind === 'level' ? `I completed the ${title} level in ${product}` : kind === 'badge' ? `I earned the ${title} badge in ${product}` : `I achieved ${title} in ${product}`,
}
