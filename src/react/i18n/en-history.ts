import type { HistoryMessages } from './types'

// Apart from en.ts: only `<AchievementTimeline>` needs these, so they stay out of the widget's first load.
/** English strings of the achievement timeline (default). */
export const enHistoryMessages: HistoryMessages = {
  heading: 'Your milestones over time',
  empty: 'Your milestones will appear here, month by month, as you reach them.',
}
