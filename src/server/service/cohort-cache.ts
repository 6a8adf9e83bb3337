import {
  createSuccessAggregates, RETENTION_WINDOW_DAYS, type Benchmarks, type CohortMember, type Program, type Progress, type Sliced, type Subject, type SuccessAggregates,
} from '../../core'
import { loadCohortChanges, usersWithWindowEvents, type Storage } from '../storage'
import type { SubjectAssignment } from './assignments'
import { createExperimentAggregates, type ExperimentAggregates } from './experiment-aggregates'
import { createInsightAggregates, type InsightAggregates } from './insight-aggregates'
import { createKeyedQueue } from './keyed-queue'
import { prepareBenchmarks, type PreparedBenchmarks } from './prepared-benchmarks'
import { runYielding, yieldToLoop } from './time-slice'

/** Benchmarks move slowly; re-reading what changed on each widget load would not. */
export const COHORT_TTL_MS = 30_000

/**
 * A transaction that started before a refresh read may commit after it, with rows stamped before the read: every
 * refresh re-reads this much before the previous read began too (re-reading a row is harmless).
 */
const COMMIT_OVERLAP_MS = 60_000

/** Rows applied between yields to the event loop: a few milliseconds of work, so no build or refresh holds it long. */
export const ROWS_PER_SLICE = 500

/** Incrementally kept program-wide figures for one program version (see `CohortCache.aggregates`). */
export interface CohortAggregates {
  program: Program
  insights: InsightAggregates
  success: SuccessAggregates
}

/** The benchmark population and the answers drawn from it. */
export interface CohortCache {
  /**
   * `computeBenchmarks` for one subject against the cohort (refreshed at most every `ttlMs`), in O(milestones × log n),
   * with badge rarity (`badges`) from the same cohort in O(badges + log n). What it reads from is prepared in slices
   * that yield to the event loop: the first request for a program waits for the first preparation (other requests
   * are answered meanwhile; concurrent ones share it); later, when the cohort changed and the preparation is `ttlMs`
   * old, a new one starts and requests are answered from the previous one until it is ready — unless that one is
   * `2 × ttlMs` old (with `ttlMs` 0, every answer waits for the current cohort).
   */
  benchmarks(program: Program, subject: Subject, progress: Progress, now: Date): Promise<Benchmarks | undefined>
  /**
   * Insights and success-metric aggregates over every subject with progress, for `program`, after reading what
   * changed since the last read (so a request sees every write made before it). Built once per program version
   * (linear, yielding to the event loop every `ROWS_PER_SLICE` rows), then kept up to date row by row.
   */
  aggregates(program: Program): Promise<CohortAggregates>
  /** Experiment aggregates for `program` (which must have an experiment), kept up to date the same way. */
  experiment(program: Program): Promise<ExperimentAggregates>
}

/** The recorded assignment of each subject's unit, by user id (recording new units first), as `Assigner.forSubjects`. */
export type AssignmentsOf = (program: Program, subjects: readonly Subject[]) => Promise<ReadonlyMap<string, SubjectAssignment>>

/**
 * The cohort, one row per subject with progress, loaded once, then refreshed by reading only the subjects whose
 * progress or traits changed since (from this process or any other). Benchmarks compare one member per account
 * (its most advanced user: "teams like yours"), or per user when there is none ("people like you";
 * `Benchmarks.comparedAs` tells the widget which), refreshed at most every `ttlMs`; insight aggregates take every
 * changed row on every read.
 */
export function createCohortCache(programId: string, storage: Storage, ttlMs = COHORT_TTL_MS, assignmentsOf?: AssignmentsOf): CohortCache {
  const members = new Map<string, CohortMember>()
  /** The database's clock when the last refresh read began. */
  let lastRead: string | undefined
  let refreshedAt = -Infinity
  /** Moves on with every member change; a distribution built from an older one is stale. */
  let generation = 0
  /** The benchmarks requests are answered from, and the preparation running (at most one per program). */
  let prepared: Prepared | undefined
  let preparing: { program: Program; done: Promise<Prepared> } | undefined
  let preparations = 0
  let aggregates: CohortAggregates | undefined
  /**
   * While aggregates are kept: users with an event in their retention window (days 29–56 after their signup). Read in
   * full when aggregates are built, then again for each user a refresh reads — storing events moves the user's progress
   * row (its version, at least), so a refresh sees every user that received events.
   */
  let windowUsers = new Set<string>()
  let experiment: { program: Program; aggregates: ExperimentAggregates } | undefined
  // Refreshes and builds change what the other reads from: one at a time, each row applied whole.
  const changes = createKeyedQueue()
  let queued: Promise<void> | undefined

  const applyChanges = async () => {
    const since = lastRead === undefined ? undefined : new Date(Date.parse(lastRead) - COMMIT_OVERLAP_MS).toISOString()
    const read = await loadCohortChanges(storage, programId, since)
    lastRead = read.readAt
    const windowHits = aggregates && read.rows.length > 0 ? await usersWithWindowEvents(storage, programId, RETENTION_WINDOW_DAYS, read.rows.map((row) => row.subject.userId)) : undefined
    let applied = 0
    const changed: CohortMember[] = []
    for (const row of read.rows) {
      if (++applied % ROWS_PER_SLICE === 0) await yieldToLoop()
      const { userId } = row.subject
      const known = members.get(userId)
      const same = known !== undefined && JSON.stringify(known) === JSON.stringify(row)
      const hit = windowHits?.has(userId) ?? false
      if (same && (!aggregates || windowUsers.has(userId) === hit)) continue
      if (!same) {
        members.set(userId, row)
        changed.push(row)
        generation++
      }
      if (!aggregates) continue
      if (hit) windowUsers.add(userId)
      else windowUsers.delete(userId)
      if (!same) {
        if (known) aggregates.insights.remove(known)
        aggregates.insights.add(row)
      }
      aggregates.success.set(row, hit)
    }
    if (experiment && changed.length > 0) await assignInto(experiment, changed)
  }

  /** Counts `rows` into experiment aggregates with their units' assignments (read, or recorded on first sight). */
  const assignInto = async (target: { program: Program; aggregates: ExperimentAggregates }, rows: readonly CohortMember[]) => {
    const assignments = await assignmentsOf!(target.program, rows.map((row) => row.subject))
    let applied = 0
    for (const row of rows) {
      if (++applied % ROWS_PER_SLICE === 0) await yieldToLoop()
      target.aggregates.set(row, assignments.get(row.subject.userId))
    }
  }

  /** A refresh that starts after this call: concurrent callers share one that has not started yet. */
  const refresh = () => {
    queued ??= changes.run('cohort', () => {
      queued = undefined
      return applyChanges()
    })
    return queued
  }

  const build = (program: Program) =>
    changes.run('cohort', async () => {
      if (aggregates?.program === program) return aggregates
      windowUsers = await usersWithWindowEvents(storage, programId, RETENTION_WINDOW_DAYS)
      return (aggregates = await runYielding(loadAggregates(program, members.values(), windowUsers)))
    })

  /** Prepares benchmarks for `program` from the members as they are now; callers asking meanwhile share it. */
  const prepare = (program: Program, now: Date): Promise<Prepared> => {
    if (preparing?.program === program) return preparing.done
    const started = { program, generation, builtAt: now.getTime(), order: ++preparations }
    const done = runYielding(prepareBenchmarks(program, [...members.values()])).then(
      (built) => {
        if (preparing?.done === done) preparing = undefined
        const next = { ...started, ...built }
        // One started later (a newer cohort or program) that finished first is not replaced by this older one.
        if (!prepared || prepared.order < next.order) prepared = next
        return next
      },
      (error: unknown) => {
        if (preparing?.done === done) preparing = undefined
        throw error
      },
    )
    preparing = { program, done }
    return done
  }

  const buildExperiment = (program: Program) =>
    changes.run('cohort', async () => {
      if (experiment?.program === program) return experiment.aggregates
      if (!program.experiment || !assignmentsOf) throw new Error(`program ${program.id}@${program.version} has no experiment to aggregate`)
      const built = { program, aggregates: createExperimentAggregates({ ...program, experiment: program.experiment }) }
      await assignInto(built, [...members.values()])
      experiment = built
      return built.aggregates
    })

  return {
    async benchmarks(program, subject, progress, now) {
      if (now.getTime() - refreshedAt >= ttlMs) {
        await refresh()
        refreshedAt = now.getTime()
      }
      let current = prepared?.program === program ? prepared : undefined
      const age = current ? now.getTime() - current.builtAt : Infinity
      if (!current || (current.generation !== generation && age >= ttlMs)) {
        const next = prepare(program, now)
        if (!current || age >= 2 * ttlMs) current = await next
        else next.catch(() => {}) // answered from `current`; a failed preparation is tried again by a later request
      }
      const benchmarks = current.distribution.benchmarks(subject, progress, now)
      const badges = benchmarks && current.rarity.shares(subject, now)
      return badges ? { ...benchmarks, badges } : benchmarks
    },
    async aggregates(program) {
      await refresh()
      return aggregates?.program === program ? aggregates : build(program)
    },
    async experiment(program) {
      await refresh()
      return experiment?.program === program ? experiment.aggregates : buildExperiment(program)
    },
  }
}

/** Benchmarks prepared for one program from the cohort at `generation`, in the order preparations started. */
interface Prepared extends PreparedBenchmarks {
  program: Program
  generation: number
  builtAt: number
  order: number
}

/** Insight and success aggregates filled in bulk from `members`, pausing every `ROWS_PER_SLICE` rows and between tree builds. */
function* loadAggregates(program: Program, members: Iterable<CohortMember>, windowUsers: ReadonlySet<string>): Sliced<CohortAggregates> {
  const built = { program, insights: createInsightAggregates(program), success: createSuccessAggregates(program) }
  // In bulk: trees are built once from all values, much cheaper than one insertion per value.
  const insights = built.insights.load()
  const success = built.success.load()
  let added = 0
  for (const member of members) {
    if (++added % ROWS_PER_SLICE === 0) yield
    insights.add(member)
    success.add(member, windowUsers.has(member.subject.userId))
  }
  for (const loader of [insights, success]) {
    for (const step of loader.finish()) {
      step()
      yield
    }
  }
  return built
}
