import { evaluate, sortCelebrations, type MeProgress, type Program, type Progress, type Subject } from '../../core'
import type { Storage } from '../storage'
import type { TokenSubject } from '../service-types'
import type { ActiveProgram } from './active-program'
import type { Assigner } from './assignments'
import type { CohortCache } from './cohort-cache'
import type { CurrentProgress, ProgressKeeper } from './progress-keeper'
import { sameSubject, subjectFromClaims } from './subject-input'

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
  const matches = (stored: Subject, claims: TokenSubject): boolean => {
    const known = compared.get(stored)
    if (known?.claims === claims) return known.same
    const same = sameSubject(stored, subjectFromClaims(claims, stored))
    compared.set(stored, { claims, same })
    return same
  }

  /** Each user's answer and the subject as stored (undefined for a newcomer). */
  const read = async (userIds: readonly string[], now: Date) => {
    const { program, users } = await keeper.readMany(userIds, now, { celebrations: true })
    const newcomers = userIds.filter((userId) => !users.has(userId)).map((userId) => newcomer(userId, now))
    // Newcomers have no recorded assignment yet; reading them records it, as their first write would.
    const assigned = program.experiment === undefined || newcomers.length === 0 ? undefined : await assignerFor(program).forSubjects(storage, newcomers.map((n) => n.subject))
    const result = new Map<string, { stored: Subject | undefined; answer: MeProgress }>()
    for (const { subject, progress, assignment, celebrations } of [...users.values(), ...newcomers]) {
      const stored = users.has(subject.userId) ? subject : undefined
      // The holdout is evaluated like everyone (so lift can be measured) but is shown nothing: the flag tells the widget.
      if ((assignment ?? assigned?.get(subject.userId))?.holdout === true) {
        result.set(subject.userId, { stored, answer: { ...progress, celebrations: [], holdout: true } })
        continue
      }
      const benchmarks = await cohort.benchmarks(program, subject, progress, now)
      // Suppressed subjects' celebrations stay pending, held until suppression ends (DESIGN §7.2).
      const pending = progress.suppressed ? [] : sortCelebrations(celebrations ?? [])
      result.set(subject.userId, { stored, answer: { ...progress, ...(benchmarks ? { benchmarks } : {}), celebrations: pending } })
    }
    return result
  }

  return {
    plain: async (userId, now) => (await keeper.current(userId, now)) ?? newcomer(userId, now),
    async many(userIds, now) {
      const answers = await read(userIds, now)
      return new Map([...answers].map(([userId, { answer }]) => [userId, answer]))
    },
    async forToken(claims, now) {
      const first = (await read([claims.userId], now)).get(claims.userId)!
      if (first.stored !== undefined && matches(first.stored, claims)) return first.answer
      await deps.ensureSubject(claims)
      return (await read([claims.userId], now)).get(claims.userId)!.answer
    },
  }
}
