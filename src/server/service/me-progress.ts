import { evaluate, sortCelebrations, type Benchmarks, type MeProgress, type Program, type Progress, type Subject } from '../../core'
import type { Storage } from '../storage'
import type { TokenSubject } from '../service-types'
import type { ActiveProgram } from './active-program'
import type { Assigner } from './assignments'
import type { CohortCache } from './cohort-cache'
import type { CurrentProgress, ProgressKeeper } from './progress-keeper'
import { sameSubject, subjectFromClaims } from './subject-input'

/** One user's `/v1/me/progress` answer before its benchmarks, with what it was built from. */
export interface MeProgressParts {
  /** The subject as stored; undefined for a newcomer (whose answer is evaluated as signing up at `now`). */
  stored: Subject | undefined
  /** The version the answer was evaluated under. */
  program: Program
  /** Progress with pending celebrations (none, and `holdout: true`, for the holdout); no benchmarks. */
  answer: MeProgress
  /** When the evaluated progress next changes without a write (undefined: never); next-step wording is not included. */
  nextChangeAt: string | undefined
  /** The answer's benchmarks at `now` (the cohort moves, and the stage with the clock); undefined when it has none. */
  benchmarks(now: Date): Promise<Benchmarks | undefined>
}

/** What `GET /v1/me/progress` and every live push answer, for one user or many at once. */
export interface MeProgressReader {
  /** A user's progress as evaluated (no benchmarks, no celebrations); someone without a subject has just signed up. */
  plain(userId: string, now: Date): Promise<{ subject: Subject; progress: Progress }>
  /** `/v1/me/progress` for each user, in one database round trip for all of them. */
  many(userIds: readonly string[], now: Date): Promise<Map<string, MeProgress>>
  /**
   * `/v1/me/progress` for a token's user, ensuring the subject from its claims on the way: one round trip when the
   * stored subject already matches them, else `ensureSubject` stores it and the progress is read again.
   */
  forToken(claims: TokenSubject, now: Date): Promise<MeProgress>
  /** `forToken` in parts: the answer without benchmarks, and how to add them at any moment. */
  partsForToken(claims: TokenSubject, now: Date): Promise<MeProgressParts>
  /** True when the claims describe the stored subject as it is (reading for them stores nothing). */
  claimsMatch(stored: Subject, claims: TokenSubject): boolean
}

/** The answer with its benchmarks at `now`, keys in the order the API has always sent them. */
async function completeAnswer(parts: MeProgressParts, now: Date): Promise<MeProgress> {
  const benchmarks = await parts.benchmarks(now)
  if (benchmarks === undefined) return parts.answer
  const { celebrations, ...progress } = parts.answer
  return { ...progress, benchmarks, celebrations }
}

/** Reads users' progress with benchmarks, pending celebrations and the holdout flag (DESIGN §4, §7.6). */
export function createMeProgressReader(deps: {
  storage: Storage
  active: ActiveProgram
  keeper: ProgressKeeper
  cohort: CohortCache
  assignerFor: (program: Program) => Assigner
  /** Stores the subject a token describes (claims win over stored traits) and brings its progress up to date. */
  ensureSubject: (claims: TokenSubject) => Promise<unknown>
}): MeProgressReader {
  const { storage, active, keeper, cohort, assignerFor } = deps
  /** A user without a subject yet (no events, no token seen) is someone who just signed up. */
  const newcomer = (userId: string, now: Date): CurrentProgress => {
    const subject: Subject = { userId, signedUpAt: now.toISOString() }
    return { subject, progress: evaluate(active.current(), [], { now, subject }) }
  }

  // The same token against the same stored subject: both objects are reused while nothing changes (remembered token,
  // kept read), so the comparison is made once per pair.
  const compared = new WeakMap<Subject, { claims: TokenSubject; same: boolean }>()
  const claimsMatch = (stored: Subject, claims: TokenSubject): boolean => {
    const known = compared.get(stored)
    if (known?.claims === claims) return known.same
    const same = sameSubject(stored, subjectFromClaims(claims, stored))
    compared.set(stored, { claims, same })
    return same
  }

  /** Each user's answer in parts. */
  const read = async (userIds: readonly string[], now: Date): Promise<Map<string, MeProgressParts>> => {
    const { program, users } = await keeper.readMany(userIds, now, { celebrations: true })
    const newcomers = userIds.filter((userId) => !users.has(userId)).map((userId) => newcomer(userId, now))
    // Newcomers have no recorded assignment yet; reading them records it, as their first write would.
    const assigned = program.experiment === undefined || newcomers.length === 0 ? undefined : await assignerFor(program).forSubjects(storage, newcomers.map((n) => n.subject))
    const result = new Map<string, MeProgressParts>()
    for (const { subject, progress, assignment, celebrations, nextChangeAt } of [...users.values(), ...newcomers]) {
      const stored = users.has(subject.userId) ? subject : undefined
      const parts = { stored, program, nextChangeAt }
      // The holdout is evaluated like everyone (so lift can be measured) but is shown nothing: the flag tells the widget.
      if ((assignment ?? assigned?.get(subject.userId))?.holdout === true) {
        result.set(subject.userId, { ...parts, answer: { ...progress, celebrations: [], holdout: true }, benchmarks: async () => undefined })
        continue
      }
      // Suppressed subjects' celebrations stay pending, held until suppression ends (DESIGN §7.2).
      const pending = progress.suppressed ? [] : sortCelebrations(celebrations ?? [])
      result.set(subject.userId, { ...parts, answer: { ...progress, celebrations: pending }, benchmarks: (at) => cohort.benchmarks(program, subject, progress, at) })
    }
    return result
  }

  const partsForToken = async (claims: TokenSubject, now: Date): Promise<MeProgressParts> => {
    const first = (await read([claims.userId], now)).get(claims.userId)!
    if (first.stored !== undefined && claimsMatch(first.stored, claims)) return first
    await deps.ensureSubject(claims)
    return (await read([claims.userId], now)).get(claims.userId)!
  }

  return {
    plain: async (userId, now) => (await keeper.current(userId, now)) ?? newcomer(userId, now),
    async many(userIds, now) {
      const answers = new Map<string, MeProgress>()
      for (const [userId, parts] of await read(userIds, now)) answers.set(userId, await completeAnswer(parts, now))
      return answers
    },
    forToken: async (claims, now) => completeAnswer(await partsForToken(claims, now), now),
    partsForToken,
    claimsMatch,
  }
}
