import { DAY_MS, type MeProgress, type Program, type Subject } from '../../core'
import type { TokenSubject } from '../service-types'
import { LruCache } from './lru-cache'
import type { MeProgressParts, MeProgressReader } from './me-progress'

/** Answers kept (one per user and locale); each is a few kilobytes of text. */
export const DEFAULT_ANSWER_CACHE_SIZE = 5_000

/** `GET /v1/me/progress` as JSON text. */
export type ProgressTextReader = (claims: TokenSubject, now: Date, locale: string | undefined) => Promise<string>

/** One user's answer in one locale, kept as text, with everything that decides whether it still stands. */
interface KeptAnswer {
  program: Program
  /** The subject as stored, to check the next request's claims against. */
  stored: Subject
  /** [from, until): the moments its text holds for, but for `evaluatedAt` and the benchmarks. */
  from: number
  until: number
  /** The JSON text of the answer without `evaluatedAt` and `benchmarks`, after its opening brace. */
  rest: string
  benchmarks: MeProgressParts['benchmarks']
}

/**
 * `GET /v1/me/progress` as JSON text, answered from memory while nothing it depends on can have changed. On the
 * embedded database (one writing process, `storage.writeCount`), a user's answer in a locale is kept until the next
 * statement that may write (events, celebrations seen, subjects, assignments, cohort rows, versions — whoever runs it),
 * another active version, claims that no longer describe the stored subject, or the clock reaching the earliest moment
 * its text would read differently: the evaluation's `nextChangeAt`, or a next step's "Due in N days" counting down.
 * Two parts are made per request instead: `evaluatedAt` (the moment itself) and the benchmarks (the cohort moves,
 * and each peer's achievements enter the subject's stage as the clock runs). On Postgres nothing is kept: other
 * processes write too; the text is still built once, without re-serialising it in the route.
 */
export function createProgressAnswers(deps: {
  reader: Pick<MeProgressReader, 'partsForToken' | 'claimsMatch'>
  /** The answer with its program text in `locale`. */
  inLocale: (answer: MeProgress, locale: string | undefined) => MeProgress
  /** The active version as this process last saw it. */
  current: () => Program
  /** `Storage.writeCount`: answers are kept only where it exists. */
  writeCount: (() => number) | undefined
  /** @default DEFAULT_ANSWER_CACHE_SIZE */
  size?: number
}): ProgressTextReader {
  const { reader, inLocale, current, writeCount } = deps
  const size = deps.size ?? DEFAULT_ANSWER_CACHE_SIZE
  /** The answer's text, its parts, and whether it may be kept (never for a newcomer, who signs up at `now`). */
  const build = async (claims: TokenSubject, now: Date, locale: string | undefined) => {
    const parts = await reader.partsForToken(claims, now)
    const { evaluatedAt, ...rest } = inLocale(parts.answer, locale)
    const restText = JSON.stringify(rest).slice(1)
    const text = answerText(restText, now, await parts.benchmarks(now))
    // A part dated at the moment itself (a badge carried across versions with no achievement to date it) moves with it.
    const keepable = parts.stored !== undefined && evaluatedAt === now.toISOString() && !restText.includes(evaluatedAt)
    return { text, parts, restText, keepable }
  }
  if (writeCount === undefined || size <= 0) return async (claims, now, locale) => (await build(claims, now, locale)).text

  let kept = new LruCache<string, KeptAnswer>(size)
  let keptAt = -1
  return async (claims, now, locale) => {
    const at = writeCount()
    if (at !== keptAt) {
      // Everything kept is stale now: let it go at once rather than entry by entry.
      kept = new LruCache(size)
      keptAt = at
    }
    const key = locale === undefined ? claims.userId : `${claims.userId}\n${locale}`
    const time = now.getTime()
    const hit = kept.get(key)
    if (hit && hit.program === current() && hit.from <= time && time < hit.until && reader.claimsMatch(hit.stored, claims)) {
      return answerText(hit.rest, now, await hit.benchmarks(now))
    }
    const { text, parts, restText, keepable } = await build(claims, now, locale)
    // Nothing written since the read began (nor during it): what was read is what is stored.
    if (keepable && writeCount() === at && parts.program === current()) {
      const until = stableUntil(parts.answer, parts.nextChangeAt, time)
      kept.set(key, { program: parts.program, stored: parts.stored!, from: time, until, rest: restText, benchmarks: parts.benchmarks })
    }
    return text
  }
}

/**
 * The earliest moment after `now` at which the answer's text (but for `evaluatedAt` and benchmarks) can differ with no
 * write: the evaluation's `nextChangeAt`, or a next step with a deadline whose reason counts whole days down to it
 * ("Due in 3 days" reads `max(1, ⌈(dueAt − now) / 1 day⌉)`, which drops at `dueAt − (n − 1) days`). Infinity: never.
 */
export function stableUntil(answer: MeProgress, nextChangeAt: string | undefined, now: number): number {
  let until = nextChangeAt === undefined ? Infinity : Date.parse(nextChangeAt)
  for (const step of answer.nextSteps) {
    const dueAt = answer.milestones[step.milestoneId]?.dueAt
    if (dueAt === undefined) continue
    const due = Date.parse(dueAt)
    const daysLeft = Math.ceil((due - now) / DAY_MS)
    // At one day left the reason stays until the milestone is missed, which `nextChangeAt` already names.
    if (daysLeft > 1) until = Math.min(until, due - (daysLeft - 1) * DAY_MS)
  }
  return until
}

/** The whole answer's text: the moment, the benchmarks, then the kept rest (keys in another order than `c.json`'s). */
function answerText(rest: string, now: Date, benchmarks: unknown): string {
  const moment = `{"evaluatedAt":"${now.toISOString()}",`
  return benchmarks === undefined ? moment + rest : `${moment}"benchmarks":${JSON.stringify(benchmarks)},${rest}`
}
