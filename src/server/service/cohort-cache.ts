import {
  createBadgeRarityIndex, createCohortDistribution, createSuccessAggregates, type BadgeRarityIndex, type Benchmarks, type CohortDistribution,
  type CohortMember, type Program, type Progress, type Subject, type SuccessAggregates,
} from '../../core'
import { compareKeys, loadCohortChanges, type Storage } from '../storage'
import type { SubjectAssignment } from './assignments'
import { createExperimentAggregates, type ExperimentAggregates } from './experiment-aggregates'
import { createInsightAggregates, type InsightAggregates } from './insight-aggregates'
import { createKeyedQueue } from './keyed-queue'

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
   * with badge rarity (`badges`) from the same cohort in O(badges + log n).
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
  let distributions = new Map<Program, { distribution: CohortDistribution; rarity: BadgeRarityIndex; generation: number; builtAt: number }>()
  let aggregates: CohortAggregates | undefined
  let experiment: { program: Program; aggregates: ExperimentAggregates } | undefined
  // Refreshes and builds change what the other reads from: one at a time, each row applied whole.
  const changes = createKeyedQueue()
  let queued: Promise<void> | undefined

  const applyChanges = async () => {
    const since = lastRead === undefined ? undefined : new Date(Date.parse(lastRead) - COMMIT_OVERLAP_MS).toISOString()
    const read = await loadCohortChanges(storage, programId, since)
    lastRead = read.readAt
    let applied = 0
    const changed: CohortMember[] = []
    for (const row of read.rows) {
      if (++applied % ROWS_PER_SLICE === 0) await yieldToLoop()
      const known = members.get(row.subject.userId)
      if (known && JSON.stringify(known) === JSON.stringify(row)) continue
      members.set(row.subject.userId, row)
      changed.push(row)
      generation++
      if (!aggregates) continue
      if (known) aggregates.insights.remove(known)
      aggregates.insights.add(row)
      aggregates.success.set(row)
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
      const built = { program, insights: createInsightAggregates(program), success: createSuccessAggregates(program) }
      // In bulk: trees are built once from all values, much cheaper than one insertion per value.
      const loaders = [built.insights.load(), built.success.load()]
      let added = 0
      for (const member of members.values()) {
        if (++added % ROWS_PER_SLICE === 0) await yieldToLoop()
        for (const loader of loaders) loader.add(member)
      }
      for (const loader of loaders) {
        for (const step of loader.finish()) {
          step()
          await yieldToLoop()
        }
      }
      return (aggregates = built)
    })

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
      let prepared = distributions.get(program)
      if (!prepared || (prepared.generation !== generation && now.getTime() - prepared.builtAt >= ttlMs)) {
        // In user id order, so an account's representative among equally advanced users does not depend on arrival.
        const ordered = onePerAccount([...members.values()].sort((a, b) => compareKeys(a.subject.userId, b.subject.userId)))
        prepared = {
          distribution: createCohortDistribution(program, ordered),
          rarity: createBadgeRarityIndex(program, ordered),
          generation,
          builtAt: now.getTime(),
        }
        distributions = new Map([[program, prepared]])
      }
      const benchmarks = prepared.distribution.benchmarks(subject, progress, now)
      const badges = benchmarks && prepared.rarity.shares(subject, now)
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

function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

function onePerAccount(rows: readonly CohortMember[]): CohortMember[] {
  const best = new Map<string, { member: CohortMember; achieved: number }>()
  for (const member of rows) {
    const key = member.subject.accountId !== undefined ? `account:${member.subject.accountId}` : `user:${member.subject.userId}`
    const achieved = Object.values(member.progress.milestones).filter((m) => m.state === 'achieved').length
    const current = best.get(key)
    if (!current || achieved > current.achieved) best.set(key, { member, achieved })
  }
  return [...best.values()].map((entry) => entry.member)
}
