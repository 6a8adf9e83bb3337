import {
  assignmentUnit,
  teamCelebrations,
  createIncrementalEvaluator,
  progressAcrossVersions,
  signalChangesBetween,
  type CairnEvent,
  type CarriedAchievements,
  type Celebration,
  type IncrementalEvaluator,
  type Program,
  type Progress,
  type Subject,
} from '../../core'
import {
  bumpProgressVersions,
  eventsForSubjects,
  insertCelebrations,
  readCarried,
  readProgressInputs,
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
import { canonicalJson } from './canonical-json'
import { concerns, eventsConcerning } from './concerning-events'
import { createKeyedQueue } from './keyed-queue'
import { LruCache } from './lru-cache'

/** Evaluators kept warm; each holds one user's (and account's) events, so this bounds memory. */
export const DEFAULT_EVALUATOR_CACHE_SIZE = 5_000
/** Events held by all warm evaluators together (an account's events count once per member holding them). */
export const DEFAULT_EVALUATOR_CACHE_EVENTS = 1_000_000
/** Long evaluation work yields to the event loop this often, so requests and pushes are not held up behind it. */
const YIELD_AFTER_MS = 20

/** How many warm evaluators are kept: at most `entries`, holding at most `events` events in total. */
export interface EvaluatorCacheLimits {
  entries: number
  events: number
}

/**
 * A warm evaluator is valid while nobody else wrote the user's progress since: `version` is the stored
 * version it was built or last written at. Another process writing bumps the version, forcing a rebuild.
 */
interface CacheEntry {
  evaluator: IncrementalEvaluator
  subjectKey: string
  version: number
  /** The program version it evaluates; another active version means a rebuild. */
  program: Program
  /** Events it holds (about: duplicates applied count too), what the cache is bounded by. */
  events: number
}

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
}

/** A user's progress as read, with their assignment and (when asked for) pending celebrations. */
export interface CurrentProgress {
  subject: Subject
  progress: Progress
  /** The subject's recorded assignment; absent when the program has neither an experiment nor variants. */
  assignment?: SubjectAssignment
  /** Celebrations not yet acknowledged, oldest first; present when asked for. */
  celebrations?: Celebration[]
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
  const cache = new LruCache<string, CacheEntry>(limits.entries, (entry) => entry.events, limits.events)
  const queue = createKeyedQueue()

  const cached = (program: Program, subject: Subject, version: number): CacheEntry | undefined => {
    const entry = cache.get(subject.userId)
    return entry && entry.program === program && entry.version === version && entry.subjectKey === canonicalJson(subject) ? entry : undefined
  }

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

  /**
   * Evaluators for every subject: warm ones as they are, the rest rebuilt from their `prefetched` events, or from one
   * query over stored events.
   */
  const evaluatorsFor = async (
    q: Queryable,
    program: Program,
    subjects: readonly { subject: Subject; version: number }[],
    assigned: Map<string, SubjectAssignment>,
    prefetched?: ReadonlyMap<string, readonly CairnEvent[]>,
  ) => {
    const result = new Map<string, { evaluator: IncrementalEvaluator; fresh: boolean; events: number }>()
    const missing: Subject[] = []
    for (const { subject, version } of subjects) {
      const warm = cached(program, subject, version)
      const events = prefetched?.get(subject.userId)
      if (warm) result.set(subject.userId, { evaluator: warm.evaluator, fresh: false, events: warm.events })
      else if (events) {
        cache.delete(subject.userId)
        result.set(subject.userId, { evaluator: createIncrementalEvaluator(programOf(program, assigned, subject.userId), subject, events), fresh: true, events: events.length })
      } else missing.push(subject)
    }
    if (missing.length > 0) {
      const accounts = [...new Set(missing.flatMap((s) => (s.accountId === undefined ? [] : [s.accountId])))]
      const events = await eventsForSubjects(q, program.id, missing.map((s) => s.userId), accounts)
      const concerning = eventsConcerning(events)
      const slice = timeSlice()
      for (const subject of missing) {
        await slice()
        cache.delete(subject.userId)
        const own = concerning(subject)
        result.set(subject.userId, { evaluator: createIncrementalEvaluator(programOf(program, assigned, subject.userId), subject, own), fresh: true, events: own.length })
      }
    }
    return result
  }

  const recomputeAll = (userIds: readonly string[], events: readonly CairnEvent[], now: Date, redefined: boolean): Promise<string[]> =>
    queue.runAll(userIds, async () => {
      const pending = new Map<string, CacheEntry>()
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
          const progressRows: ProgressRow[] = []
          const celebrationRows: { userId: string; celebration: Celebration }[] = []
          const changes: ProgressChange[] = []
          const signalRows: SignalChangeRow[] = []
          const actors = new Set(events.map((event) => event.userId))
          const carriedRows: { userId: string; carried: CarriedAchievements }[] = []
          const unchanged: { userId: string; version: number }[] = []
          const slice = timeSlice()
          for (const { subject, version } of subjects) {
            await slice()
            const { evaluator, fresh, events: held } = evaluators.get(subject.userId)!
            let holds = held
            if (!fresh) {
              for (const event of events) {
                if (!concerns(event, subject)) continue
                evaluator.apply(event, now)
                holds++
              }
            }
            const stored = states.get(subject.userId)?.stored
            const before = stored?.snapshot ?? null
            const next = progressAcrossVersions(program, evaluator.progress(now), before, carried.get(subject.userId), redefined)
            const after = next.progress
            const nextChangeAt = evaluator.nextChangeAt(now)
            pending.set(subject.userId, { evaluator, subjectKey: canonicalJson(subject), version: version + 1, program, events: holds })
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
              const team = { actor: actors.has(subject.userId), joining: before === null, now }
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
        for (const [userId, entry] of pending) cache.set(userId, entry)
        for (const row of written) if (row.nextChangeAt !== undefined) onScheduled?.(new Date(row.nextChangeAt))
        return written.map((row) => row.userId)
      } catch (error) {
        for (const userId of userIds) cache.delete(userId)
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
          const entry = cache.get(userId)
          if (entry?.program === program) warm.set(userId, entry.version)
        }
        const read = await readProgressInputs(storage, program.id, ids, { warm, assignments: assigning, celebrations: options.celebrations ?? false })
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
          const { evaluator, fresh, events } = evaluators.get(subject.userId)!
          const version = stored?.version ?? 0
          if (fresh) cache.set(subject.userId, { evaluator, subjectKey: canonicalJson(subject), version, program, events })
          // A snapshot from another version is crossed in memory the same way the next write will cross it.
          const { progress } = progressAcrossVersions(program, evaluator.progress(now), stored?.snapshot ?? null, carried)
          const assignment = assigned.get(subject.userId)
          users.set(subject.userId, {
            subject,
            progress,
            ...(assigning && assignment && { assignment }),
            ...(options.celebrations && { celebrations }),
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
  }
}

/** Call between units of long work: yields to the event loop once `YIELD_AFTER_MS` passed since the last yield. */
function timeSlice(): () => Promise<void> {
  let since = performance.now()
  return async () => {
    if (performance.now() - since < YIELD_AFTER_MS) return
    await new Promise((resolve) => setImmediate(resolve))
    since = performance.now()
  }
}

/** Equal progress apart from the moment it was evaluated at (stored snapshots come back from jsonb in another key order). */
function sameSnapshot(stored: Progress, next: Progress): boolean {
  return canonicalJson({ ...stored, evaluatedAt: '' }) === canonicalJson({ ...next, evaluatedAt: '' })
}
