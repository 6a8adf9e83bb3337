import {
  assignmentUnit,
  teamCelebrations,
  progressAcrossVersions,
  carryAchievements,
  signalChangesBetween,
  type CairnEvent,
  type CarriedAchievements,
  type Celebration,
  type Program,
  type Progress,
  type Subject,
} from '../../core'
import {
  bumpProgressVersions,
  insertCelebrations,
  readCarried,
  readSubjectStates,
  recordSignalChanges,
  writeCarried,
  writeProgress,
  type ProgressRow,
  type Queryable,
  type SignalChangeRow,
  type Storage,
} from '../storage'
import type { ActiveProgram } from './active-program'
import type { Assigner, SubjectAssignment } from './assignments'
import { sameJson } from './canonical-json'
import { createEvaluatorCache, DEFAULT_EVALUATOR_CACHE_EVENTS, DEFAULT_EVALUATOR_CACHE_SIZE, type EvaluatorCacheLimits, type WarmEvaluator } from './evaluator-cache'
import { createKeyedQueue } from './keyed-queue'
import { timeSlice } from './time-slice'
import { createProgressInputsReader } from './progress-read-cache'

export { DEFAULT_EVALUATOR_CACHE_EVENTS, DEFAULT_EVALUATOR_CACHE_SIZE, type EvaluatorCacheLimits }

/** How a recomputation treats the stored snapshots. */
export interface RecomputeOptions {
  /** The active version's definition was replaced under the same version string: carry achievements across anyway. */
  redefined?: boolean
}

/** Owns every user's stored progress: recomputation after writes and evaluation for reads. */
export interface ProgressKeeper {
  /**
   * Brings the users' stored progress up to date with newly stored `events` (all users in one transaction),
   * stores celebrations for what became achieved, and returns the users whose progress was written.
   */
  recompute(userIds: Iterable<string>, events: readonly CairnEvent[], now: Date, options?: RecomputeOptions): Promise<string[]>
  /** The user's progress at `now` (time moves windows and deadlines), or undefined without a subject. */
  current(userId: string, now: Date): Promise<{ subject: Subject; progress: Progress } | undefined>
  /** `current` for many users with one read of each kind; users without a subject are absent. */
  currentMany(userIds: Iterable<string>, now: Date): Promise<Map<string, { subject: Subject; progress: Progress }>>
  /**
   * `currentMany` in one database round trip (the active version checked in the same statement), with what a
   * `/v1/me/progress` answer adds, and the program version the users were evaluated under.
   */
  readMany(userIds: Iterable<string>, now: Date, options?: { celebrations?: boolean }): Promise<ProgressRead>
  /** Resolves when no recomputation is running or queued. */
  idle(): Promise<void>
  /** Whether work on this user (a recomputation or a read) is running or queued: a read now would wait for it. */
  busy(userId: string): boolean
}

/** A user's progress as read, with their assignment and (when asked for) pending celebrations. */
export interface CurrentProgress {
  subject: Subject
  progress: Progress
  /** The subject's recorded assignment; absent when the program has neither an experiment nor variants. */
  assignment?: SubjectAssignment
  /** Celebrations not yet acknowledged, oldest first; present when asked for. */
  celebrations?: Celebration[]
  /** When `progress` next changes without a write (the evaluation's `nextChangeAt`); undefined: never. */
  nextChangeAt?: string | undefined
}

/** What `readMany` returns: the active version the users were evaluated under, and each user with a subject. */
export interface ProgressRead {
  program: Program
  users: Map<string, CurrentProgress>
}

/** One user's progress change, as written. */
export interface ProgressChange {
  subject: Subject
  before: Progress | null
  after: Progress
}

/**
 * Runs inside the transaction that writes the changes, so whatever it stores (the webhook outbox) commits or rolls
 * back together with the progress it describes.
 */
export type OnProgressWritten = (tx: Queryable, changes: readonly ProgressChange[], now: Date) => Promise<void>

/**
 * Keeps stored progress equal to `evaluate` under the active program version over every stored event, with
 * achievements from earlier versions carried in (`progressAcrossVersions`); work on one user never interleaves.
 * With `assignerFor`, each subject is evaluated with its variants' criteria, and holdout subjects get no celebrations.
 */
export function createProgressKeeper(
  programs: ActiveProgram,
  storage: Storage,
  cacheSize: number | EvaluatorCacheLimits = DEFAULT_EVALUATOR_CACHE_SIZE,
  assignerFor?: (program: Program) => Assigner,
  onWritten?: OnProgressWritten,
  /** Told the next time-based change of every subject written (after commit), so a scheduler can wake for it. */
  onScheduled?: (nextChangeAt: Date) => void,
): ProgressKeeper {
  const limits = typeof cacheSize === 'number' ? { entries: cacheSize, events: DEFAULT_EVALUATOR_CACHE_EVENTS } : cacheSize
  const cache = createEvaluatorCache(limits)
  const queue = createKeyedQueue()
  const readInputs = createProgressInputsReader(storage, programs.current().id)

  const assignmentsOf = async (
    q: Queryable,
    program: Program,
    subjects: readonly Subject[],
    recorded?: ReadonlyMap<string, ReadonlyMap<string, string>>,
  ): Promise<Map<string, SubjectAssignment>> => {
    const assigner = assignerFor?.(program)
    return assigner?.active ? assigner.forSubjects(q, subjects, recorded) : new Map()
  }
  const programOf = (program: Program, assigned: Map<string, SubjectAssignment>, userId: string) =>
    assignerFor?.(program).programFor(assigned.get(userId)) ?? program

  /** Evaluators for every subject, each with its variants' criteria (cold ones from `prefetched` events where read). */
  const evaluatorsFor = (
    q: Queryable,
    program: Program,
    subjects: readonly { subject: Subject; version: number }[],
    assigned: Map<string, SubjectAssignment>,
    prefetched?: ReadonlyMap<string, readonly CairnEvent[]>,
  ) => cache.evaluatorsFor(q, program, subjects, (userId) => programOf(program, assigned, userId), prefetched)

  const recomputeAll = (userIds: readonly string[], events: readonly CairnEvent[], now: Date, redefined: boolean): Promise<string[]> =>
    queue.runAll(userIds, async () => {
      const pending: (WarmEvaluator & { subject: Subject; version: number; program: Program })[] = []
      // Accounts whose history took in this transaction's events: dropped if it rolls back.
      let accountsTouched = new Set<string>()
      try {
        const written = await storage.transaction(async (tx) => {
          // Other API processes on the same Postgres serialise on these locks (the queue covers this one; embedded
          // PGlite has no other process). Taken in hash order, so two processes locking overlapping sets cannot deadlock.
          if (storage.kind === 'postgres') {
            await tx.query(
              `SELECT pg_advisory_xact_lock(h) FROM (SELECT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS keys`,
              [userIds.map((userId) => JSON.stringify([programs.current().id, userId]))],
            )
          }
          // Read under the locks: a version activated by another process is seen before anything is written.
          const program = await programs.sync(tx)
          const states = await readSubjectStates(tx, program.id, userIds)
          const carried = await readCarried(tx, program.id, userIds)
          const subjects = [...states.values()].map(({ subject, stored }) => ({ subject, version: stored?.version ?? 0 }))
          const assigned = await assignmentsOf(tx, program, subjects.map((s) => s.subject))
          const evaluators = await evaluatorsFor(tx, program, subjects, assigned)
          // Each account event is stored once, in its account's history; every member reads it from there.
          accountsTouched = cache.storeOnce(events, evaluators.values())
          const progressRows: ProgressRow[] = []
          const celebrationRows: { userId: string; celebration: Celebration }[] = []
          const changes: ProgressChange[] = []
          const signalRows: SignalChangeRow[] = []
          const eventsByUser = new Map<string, CairnEvent[]>()
          for (const event of events) {
            const own = eventsByUser.get(event.userId)
            if (own) own.push(event)
            else eventsByUser.set(event.userId, [event])
          }
          const carriedRows: { userId: string; carried: CarriedAchievements }[] = []
          const unchanged: { userId: string; version: number }[] = []
          const slice = timeSlice()
          for (const { subject, version } of subjects) {
            await slice()
            const warm = evaluators.get(subject.userId)!
            const { evaluator } = warm
            // Teammates' events reached it through the history; its own it files itself (a fresh one read them all),
            // all of them before the one evaluation below (evaluating after each event was the largest cost of a batch).
            if (!warm.fresh) for (const event of eventsByUser.get(subject.userId) ?? []) evaluator.add(event)
            const stored = states.get(subject.userId)?.stored
            const before = stored?.snapshot ?? null
            const assessed = evaluator.assess(now)
            const next = progressAcrossVersions(program, assessed.progress, before, carried.get(subject.userId), redefined)
            const after = next.progress
            const nextChangeAt = assessed.nextChangeAt
            pending.push({ ...warm, subject, version: version + 1, program })
            // Nothing to rewrite, announce or celebrate: only the version moves (other processes' evaluators must
            // see that events were stored), and nobody is told.
            if (stored && next.celebrations.length === 0 && !next.carried && stored.nextChangeAt === nextChangeAt && sameSnapshot(stored.snapshot, after)) {
              unchanged.push({ userId: subject.userId, version: version + 1 })
              continue
            }
            progressRows.push({ userId: subject.userId, snapshot: after, version: version + 1, nextChangeAt })
            for (const change of signalChangesBetween(before, after)) signalRows.push({ userId: subject.userId, accountId: subject.accountId, ...change })
            changes.push({ subject, before, after })
            // The holdout sees nothing, now or later: no celebration is stored that could surface once the experiment ends.
            const quiet = assigned.get(subject.userId)?.holdout === true
            if (!quiet) {
              // Teammates hear of an account milestone as a team announcement; whoever achieved it gets the usual moment.
              const team = { actor: eventsByUser.has(subject.userId), joining: before === null, now }
              for (const celebration of teamCelebrations(program, next.celebrations, team)) celebrationRows.push({ userId: subject.userId, celebration })
            }
            if (next.carried) carriedRows.push({ userId: subject.userId, carried: next.carried })
          }
          await writeProgress(tx, program.id, progressRows)
          await bumpProgressVersions(tx, program.id, unchanged)
          await insertCelebrations(tx, program.id, celebrationRows)
          await recordSignalChanges(tx, program.id, signalRows)
          await writeCarried(tx, program.id, carriedRows)
          await onWritten?.(tx, changes, now)
          return progressRows
        })
        // Cached only once committed: a rolled-back write must not leave events applied in memory.
        for (const entry of pending) cache.keep(entry.subject, entry.evaluator, entry.version, entry.program, entry.history)
        for (const row of written) if (row.nextChangeAt !== undefined) onScheduled?.(new Date(row.nextChangeAt))
        return written.map((row) => row.userId)
      } catch (error) {
        cache.forget(userIds, accountsTouched)
        throw error
      }
    })

  /**
   * One statement reads everything (subjects, snapshots, carried achievements, assignments, celebrations, and the
   * events of users without a warm evaluator); only a version activated elsewhere since, an assignment never recorded
   * or a warm evaluator for another subject costs more.
   */
  const readMany = (userIds: Iterable<string>, now: Date, options: { celebrations?: boolean } = {}): Promise<ProgressRead> => {
    const ids = [...new Set(userIds)].sort()
    return queue.runAll(ids, async () => {
      for (let attempt = 0; ; attempt++) {
        const program = programs.current()
        const assigning = assignerFor?.(program).active ?? false
        const warm = new Map<string, number>()
        for (const userId of ids) {
          const version = cache.warmVersion(userId, program)
          if (version !== undefined) warm.set(userId, version)
        }
        const read = await readInputs(ids, { warm, assignments: assigning, celebrations: options.celebrations ?? false })
        // Another process activated a version since this one last looked: switch to it and read again under it.
        if (read.activeVersion !== undefined && read.activeVersion !== program.version && attempt < 2 && (await programs.sync()) !== program) continue
        const users = new Map<string, CurrentProgress>()
        if (read.users.size === 0) return { program, users }
        const inputs = [...read.users.values()]
        const subjects = inputs.map(({ subject, stored }) => ({ subject, version: stored?.version ?? 0 }))
        const recorded = assigning ? new Map(inputs.map(({ subject, assignments }) => [assignmentUnit(subject), assignments])) : undefined
        const assigned = await assignmentsOf(storage, program, subjects.map((s) => s.subject), recorded)
        const prefetched = new Map(inputs.flatMap(({ subject, events }) => (events === undefined ? [] : [[subject.userId, events] as const])))
        const evaluators = await evaluatorsFor(storage, program, subjects, assigned, prefetched)
        for (const { subject, stored, carried, celebrations } of inputs) {
          const { evaluator, fresh, history } = evaluators.get(subject.userId)!
          const version = stored?.version ?? 0
          if (fresh) cache.keep(subject, evaluator, version, program, history)
          // A snapshot from another version is crossed in memory the same way the next write will cross it; under the
          // same version that is only the carried achievements merged in (what it would celebrate is the next write's).
          const { progress: evaluated, nextChangeAt } = evaluator.assess(now)
          const crossing = stored !== undefined && stored.snapshot.programVersion !== program.version
          const progress = crossing ? progressAcrossVersions(program, evaluated, stored.snapshot, carried).progress : carryAchievements(program, evaluated, carried)
          const assignment = assigned.get(subject.userId)
          users.set(subject.userId, {
            subject,
            progress,
            ...(assigning && assignment && { assignment }),
            ...(options.celebrations && { celebrations }),
            nextChangeAt,
          })
        }
        return { program, users }
      }
    })
  }

  const currentMany = async (userIds: Iterable<string>, now: Date) => {
    const { users } = await readMany(userIds, now)
    return new Map([...users].map(([userId, { subject, progress }]) => [userId, { subject, progress }]))
  }

  return {
    recompute: (userIds, events, now, options) => {
      const ids = [...new Set(userIds)].sort()
      return ids.length === 0 ? Promise.resolve([]) : recomputeAll(ids, events, now, options?.redefined ?? false)
    },
    current: async (userId, now) => (await currentMany([userId], now)).get(userId),
    currentMany,
    readMany,
    idle: () => queue.idle(),
    busy: (userId) => queue.busy(userId),
  }
}

/** Equal progress apart from the moment it was evaluated at (stored snapshots come back from jsonb in another key order). */
function sameSnapshot(stored: Progress, next: Progress): boolean {
  return sameJson({ ...stored, evaluatedAt: '' }, { ...next, evaluatedAt: '' })
}
