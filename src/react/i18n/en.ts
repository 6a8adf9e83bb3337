import type { FirstLoadMessages } from './types'

/**
 * English strings the first load carries (the provider's default table). The lazily loaded parts (benchmarks,
 * nudge, open digest, announcements) bring their own English and lay the provider's strings over it.
 */
export const enFirstLoad: FirstLoadMessages = {
  widgetTitle: 'Your progress',
  levelHeading: (position, title, f) => `Level ${f.number(position)} · ${title}`,
  currentLevel: (position, title, done, total, f) =>
    `Level ${f.number(position)} · ${title} — ${f.number(done)} of ${f.number(total)}`,
  progressOf: (done, total, f) => `${f.number(done)} of ${f.number(total)}`,
  overallProgressLabel: 'Overall progress',
  levelProgressLabel: (title) => `${title} progress`,
  milestoneCount: (current, target, f) => `${f.number(current)} / ${f.number(target)}`,
  milestoneState: {
    locked: 'Locked',
    available: 'To do',
    in_progress: 'In progress',
    achieved: 'Done',
    missed: 'Missed',
    ineligible: 'Not available',
  },
  levelState: { locked: 'Locked', active: 'In progress', complete: 'Complete' },
  levelLockedHint: (previous) => `Complete ${previous} to unlock`,
  dueBy: (when) => `Due ${when}`,
  missedNudge: 'Deadline passed — you can still catch up',
  stepAction: { start: 'Start', continue: 'Continue', catch_up: 'Catch up' },
  achievedLate: 'Done — caught up',
  extrasHeading: 'More ways to grow',
  badgesHeading: 'Badges',
  badgeEarned: (date) => `Earned ${date}`,
  badgeLocked: 'Not earned yet',
  firstStepHeading: 'Your first step',
  nextStepHeading: 'Your next step',
  valueSaved: (minutes, f) => `You've saved ${f.duration(minutes)}`,
  valueWorth: (amount) => ` — worth ${amount}`,
  digestToggle: (period) => (period === 'week' ? 'Your week in review' : 'Your month in review'),
  digestAchieved: (title) => `Achieved: ${title}`,
  digestLevelCompleted: (title) => `Completed ${title}`,
  digestBadgeEarned: (title) => `Earned the ${title} badge`,
  loading: 'Loading your progress…',
  empty: 'Nothing to track yet — check back soon.',
  loadError: "We couldn't load your progress.",
  refreshError: "Couldn't refresh — showing your last progress.",
  retry: 'Try again',
  launcherLabel: (done, total, f) => `Your progress: ${f.number(done)} of ${f.number(total)} done`,
  close: 'Close',
}

/** How many strings the lazy parts bring (`en` minus `enFirstLoad`; a test keeps the two in step). */
export const LAZY_MESSAGE_COUNT = 15
