import type { BenchmarkUnit } from '../../core'
import type { BenchmarkMessageKey, CairnMessages } from './types'

// Apart from en.ts: only the benchmark card and the badge rarity line (benchmark-view) need these. It is loaded
// lazily and brings them along, so they stay out of every page's first load.

/** Whom a benchmark compared the reader with: teams when they were compared as their account, else people. */
const likeYou = (peers: BenchmarkUnit | undefined) => (peers === 'user' ? 'people like you' : 'teams like yours')

/** English strings of the benchmark card and the badge rarity line. */
export const enBenchmarkMessages: Pick<CairnMessages, BenchmarkMessageKey> = {
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
}
