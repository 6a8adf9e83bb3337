import type { AnnounceMessageKey, CairnMessages } from './types'

// Apart from en.ts: only the live region's announcements (progress-change) needs these. It is loaded
// lazily and brings them along, so they stay out of every page's first load.
/** English strings of the live region's announcements. */
export const enAnnounceMessages: Pick<CairnMessages, AnnounceMessageKey> = {
  announceAchieved: (title, done, total, level, f) =>
    level ? `${title} achieved. ${f.number(done)} of ${f.number(total)} in ${level}` : `${title} achieved.`,
  announceProgress: (title, current, target, f) => `${title}: ${f.number(current)} of ${f.number(target)}`,
}
