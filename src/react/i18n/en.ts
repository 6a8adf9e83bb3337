import type { BenchmarkUnit } from '../../core'
import type { CairnMessages } from './types'

/** Whom a benchmark compared the reader with: teams when they were compared as their account, else people. */
const likeYou = (peers: BenchmarkUnit | undefined) => (peers === 'user' ? 'people like you' : 'teams like yours')

/** English (default). */
export const en: CairnMessages = {
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
  badgeRarity: (percent, f, peers) => `Earned by ${f.number(percent)}% of ${likeYou(peers)}`,
  benchmarkHeading: 'How you compare',
  benchmarkTop: (share, f, peers) => `You're in the top ${f.number(share)}% of ${likeYou(peers)}`,
  benchmarkTypicalWeek: (week, f, peers) => `Typically, ${likeYou(peers)} who do this get there by week ${f.number(week)}`,
  benchmarkStage: (typical, yours, f, peers) => {
    const steps = (n: number) => `${f.number(n)} ${f.plural(n) === 'one' ? 'step' : 'steps'}`
    const who = peers === 'user' ? 'people' : 'teams'
    if (typical === 0) return `At your stage, ${who} typically haven't completed a step yet — you've done ${f.number(yours)}`
    if (yours === typical) return `You're on pace: ${who} at your stage have typically completed ${steps(typical)}`
    return `At your stage, ${who} have typically completed ${steps(typical)} — you've done ${f.number(yours)}`
  },
  firstStepHeading: 'Your first step',
  nextStepHeading: 'Your next step',
  nudgeHeading: { inactive: 'Welcome back', usage_drop: 'Good to see you', stalled: 'A good moment for a next step' },
  nudgeLead: { inactive: 'Pick up where you left off', usage_drop: 'A small step keeps things moving', stalled: 'One small step at a time' },
  nudgeToNextLevel: (remaining, f) => `${f.number(remaining)} ${f.plural(remaining) === 'one' ? 'step' : 'steps'} to your next level`,
  nudgeToFinish: (remaining, title, f) => `${f.number(remaining)} ${f.plural(remaining) === 'one' ? 'step' : 'steps'} to finish ${title}`,
  nudgeLine: (lead, goal) => `${lead}: ${goal}`,
  valueSaved: (minutes, f) => `You've saved ${f.duration(minutes)}`,
  valueWorth: (amount) => ` — worth ${amount}`,
  digestToggle: (period) => (period === 'week' ? 'Your week in review' : 'Your month in review'),
  digestIntro: (period) => (period === 'week' ? 'This week you:' : 'This month you:'),
  digestEmpty: (period) => (period === 'week' ? 'Nothing new this week yet.' : 'Nothing new this month yet.'),
  digestAchieved: (title) => `Achieved: ${title}`,
  digestSaved: (minutes, f) => `Saved ${f.duration(minutes)}`,
  digestLevelCompleted: (title) => `Completed ${title}`,
  digestBadgeEarned: (title) => `Earned the ${title} badge`,
  loading: 'Loading your progress…',
  empty: 'Nothing to track yet — check back soon.',
  loadError: "We couldn't load your progress.",
  refreshError: "Couldn't refresh — showing your last progress.",
  retry: 'Try again',
  announceAchieved: (title, done, total, level, f) =>
    level ? `${title} achieved. ${f.number(done)} of ${f.number(total)} in ${level}` : `${title} achieved.`,
  announceProgress: (title, current, target, f) => `${title}: ${f.number(current)} of ${f.number(target)}`,
  launcherLabel: (done, total, f) => `Your progress: ${f.number(done)} of ${f.number(total)} done`,
  close: 'Close',
}
