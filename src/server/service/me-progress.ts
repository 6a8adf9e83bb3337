import { evaluate, sortCelebrations, type MeProgress, type Program, type Progress, type Subject } from '../../core'
import { pendingCelebrationsOf, type Storage } from '../storage'
import type { ActiveProgram } from './active-program'
import type { Assigner } from './assignments'
import type { CohortCache } from './cohort-cache'
import type { ProgressKeeper } from './progress-keeper'

/** What `GET /v1/me/progress` and every live push answer, for one user or many at once. */
export interface MeProgressReader {
  /** A user's progress as evaluated (no benchmarks, no celebrations); someone without a subject has just signed up. */
  plain(userId: string, now: Date): Promise<{ subject: Subject; progress: Progress }>
  /** `/v1/me/progress` for each user, with one read of each kind for all of them. */
  many(userIds: readonly string[], now: Date): Promise<Map<string, MeProgress>>
}

/** Reads users' progress with benchmarks, pending celebrations and the holdout flag (DESIGN §4, §7.6). */
export function createMeProgressReader(deps: {
  programId: string
  storage: Storage
  active: ActiveProgram
  keeper: ProgressKeeper
  cohort: CohortCache
  assignerFor: (program: Program) => Assigner
}): MeProgressReader {
  const { programId, storage, active, keeper, cohort, assignerFor } = deps
  /** A user without a subject yet (no events, no token seen) is someone who just signed up. */
  const newcomer = (userId: string, now: Date) => {
    const subject: Subject = { userId, signedUpAt: now.toISOString() }
    return { subject, progress: evaluate(active.current(), [], { now, subject }) }
  }
  return {
    plain: async (userId, now) => (await keeper.current(userId, now)) ?? newcomer(userId, now),
    async many(userIds, now) {
      const program = await active.fresh()
      const current = await keeper.currentMany(userIds, now)
      const plain = userIds.map((userId) => current.get(userId) ?? newcomer(userId, now))
      // The holdout is evaluated like everyone (so lift can be measured) but is shown nothing: the flag tells the widget.
      const assigned = program.experiment === undefined ? undefined : await assignerFor(program).forSubjects(storage, plain.map(({ subject }) => subject))
      const holdout = (userId: string) => assigned?.get(userId)?.holdout === true
      // Suppressed subjects' celebrations stay pending, held until suppression ends (DESIGN §7.2).
      const celebrating = plain.filter(({ subject, progress }) => !holdout(subject.userId) && !progress.suppressed).map(({ subject }) => subject.userId)
      const pending = await pendingCelebrationsOf(storage, programId, celebrating)
      const result = new Map<string, MeProgress>()
      for (const { subject, progress } of plain) {
        const benchmarks = await cohort.benchmarks(program, subject, progress, now)
        if (holdout(subject.userId)) result.set(subject.userId, { ...progress, celebrations: [], holdout: true })
        else {
          const celebrations = progress.suppressed ? [] : sortCelebrations(pending.get(subject.userId) ?? [])
          result.set(subject.userId, { ...progress, ...(benchmarks ? { benchmarks } : {}), celebrations })
        }
      }
      return result
    },
  }
}
