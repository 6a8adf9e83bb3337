import type { CairnMessages, DigestMessageKey } from './types'

// Apart from en.ts: only the open digest (digest-result) needs these. It is loaded
// lazily and brings them along, so they stay out of every page's first load.
/** English strings of the open digest. */
export const enDigestMessages: Pick<CairnMessages, DigestMessageKey> = {
  digestIntro: (period) => (period === 'week' ? 'This week you:' : 'This month you:'),
  digestEmpty: (period) => (period === 'week' ? 'Nothing new this week yet.' : 'Nothing new this month yet.'),
  digestSaved: (minutes, f) => `Saved ${f.duration(minutes)}`,
}
