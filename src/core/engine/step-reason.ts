import type { Criterion, Milestone } from '../schemas/program'
import type { MilestoneProgress } from '../schemas/progress'
import { DAY_MS } from './types'

// A deadline further away than this is not news; closer, it is the most useful thing to say.
const DUE_SOON_DAYS = 7
// From three quarters done, encouragement beats arithmetic.
const ALMOST_THERE_RATIO = 0.75
// Event names like `task_completed` read as "<noun>_<past verb>": the noun names the unit of progress.
const NOUN_THEN_VERB = /^([a-z]+)_[a-z]+ed$/
const PLAIN_WORD = /^[a-z]+$/

interface Noun {
  one: string
  other: string
}

/** One short, specific sentence on why this step is worth taking now, e.g. "2 more tasks to go" or "Due in 3 days". */
export function stepReason(milestone: Milestone, progress: MilestoneProgress, dueAt: number | undefined, now: number): string {
  if (dueAt !== undefined) {
    const daysLeft = Math.max(1, Math.ceil((dueAt - now) / DAY_MS))
    if (daysLeft <= DUE_SOON_DAYS) return `Due in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`
  }
  const { current, target } = progress
  const remaining = target - current
  if (current > 0 && current / target >= ALMOST_THERE_RATIO) return "You're almost there"
  const noun = nounOf(milestone.criterion)
  const amount = formatAmount(remaining)
  const unit = noun === undefined ? '' : ` ${remaining === 1 ? noun.one : noun.other}`
  if (current > 0) return `${amount} more${unit} to go`
  if (remaining === 1) return 'Just one step'
  return `${amount}${unit} to go`
}

function nounOf(criterion: Criterion): Noun | undefined {
  switch (criterion.kind) {
    case 'count': {
      const match = NOUN_THEN_VERB.exec(criterion.event)
      return match?.[1] === undefined ? undefined : plural(match[1])
    }
    case 'distinct':
      if (criterion.property === 'userId') return { one: 'person', other: 'people' }
      return PLAIN_WORD.test(criterion.property) ? plural(criterion.property) : undefined
    case 'days':
      return { one: 'day', other: 'days' }
    case 'streak':
      return criterion.period === 'day' ? { one: 'day in a row', other: 'days in a row' } : { one: 'week in a row', other: 'weeks in a row' }
    case 'all':
      return { one: 'step', other: 'steps' }
    default:
      return undefined
  }
}

function plural(word: string): Noun {
  if (/[^aeiou]y$/.test(word)) return { one: word, other: `${word.slice(0, -1)}ies` }
  if (/(s|x|z|ch|sh)$/.test(word)) return { one: word, other: `${word}es` }
  return { one: word, other: `${word}s` }
}

function formatAmount(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : String(Math.round(amount * 100) / 100)
}
