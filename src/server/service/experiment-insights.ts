import {
  assignmentUnit, estimateLift, levelCompletionTimes, moreSubjectsNeeded, type CohortMember, type Experiment, type ExperimentInsights,
  type Program, type Progress,
} from '../../core'
import type { SubjectAssignment } from './assignments'

export const DAY_MS = 24 * 60 * 60 * 1000
/** The effect the power figure is stated for: five percentage points, a difference worth acting on. */
export const POWER_EFFECT = 0.05

/** One assignment unit (an account, or a user without one) as the experiment counts it. */
interface Unit {
  signedUpAt: number
  assignment: SubjectAssignment
  /** Earliest moment any member reached the metric, and each variant milestone (ms). */
  metricAt: number | undefined
  milestoneAt: Map<string, number>
}

/** How many units an arm holds and how many of them reached what it counts. */
export interface ArmTally {
  n: number
  converted: number
}

/** Counted units per arm, and per variant (treatment only): `completed` its milestone, `converted` the metric. */
export interface ExperimentTallies {
  treatment: ArmTally
  holdout: ArmTally
  /** By milestone id, then variant id. */
  variants: Map<string, Map<string, { n: number; completed: number; converted: number }>>
}

/**
 * Treatment against holdout on the experiment's metric, and threshold variants against each other, by scanning
 * the cohort: the reference the incrementally kept `createExperimentAggregates` is property-tested against.
 * A unit counts once its `withinDays` since signup (its earliest member's) have passed; it converted when any
 * member reached the metric within them. Variants compare treatment units only: the holdout sees no threshold.
 */
export function computeExperimentInsights(
  program: Program & { experiment: Experiment },
  rows: readonly CohortMember[],
  assignments: ReadonlyMap<string, SubjectAssignment>,
  now: Date,
): ExperimentInsights {
  const windowMs = program.experiment.metric.withinDays * DAY_MS
  const units = collectUnits(program, rows, assignments)
  const counted = [...units.values()].filter((unit) => unit.signedUpAt + windowMs <= now.getTime())
  const within = (at: number | undefined, unit: Unit) => at !== undefined && at <= unit.signedUpAt + windowMs
  const metricReached = (unit: Unit) => within(unit.metricAt, unit)
  const tally = (members: Unit[]): ArmTally => ({ n: members.length, converted: members.filter(metricReached).length })
  const treatmentUnits = counted.filter((unit) => !unit.assignment.holdout)
  const variants = new Map<string, Map<string, { n: number; completed: number; converted: number }>>()
  for (const milestone of program.milestones) {
    if (!milestone.variants) continue
    const arms = new Map<string, { n: number; completed: number; converted: number }>()
    for (const variant of milestone.variants) {
      const members = treatmentUnits.filter((unit) => unit.assignment.variants[milestone.id] === variant.id)
      arms.set(variant.id, { ...tally(members), completed: members.filter((unit) => within(unit.milestoneAt.get(milestone.id), unit)).length })
    }
    variants.set(milestone.id, arms)
  }
  return experimentInsightsFrom(program, { treatment: tally(treatmentUnits), holdout: tally(counted.filter((unit) => unit.assignment.holdout)), variants }, now)
}

/** The answer from counted units: rates, lift, power and variant comparisons. */
export function experimentInsightsFrom(program: Program & { experiment: Experiment }, tallies: ExperimentTallies, now: Date): ExperimentInsights {
  const { experiment } = program
  const withRate = (arm: ArmTally) => ({ n: arm.n, converted: arm.converted, rate: arm.n === 0 ? null : arm.converted / arm.n })
  const treatment = withRate(tallies.treatment)
  const holdout = withRate(tallies.holdout)
  const lift = estimateLift({ treatment, control: holdout })

  const all = treatment.n + holdout.n
  const controlShare = experiment.holdoutPercent / 100
  const power =
    all === 0 || controlShare <= 0
      ? null
      : {
          effect: POWER_EFFECT,
          moreSubjectsNeeded: moreSubjectsNeeded(
            { treatment: treatment.n, control: holdout.n },
            { baseRate: (treatment.converted + holdout.converted) / all, effect: POWER_EFFECT, controlShare },
          ),
        }

  const variants = program.milestones.flatMap((milestone) => {
    if (!milestone.variants) return []
    const arms = milestone.variants.map((variant) => {
      const counts = tallies.variants.get(milestone.id)?.get(variant.id) ?? { n: 0, completed: 0, converted: 0 }
      const completed = withRate({ n: counts.n, converted: counts.completed })
      const metric = withRate(counts)
      return {
        id: variant.id,
        weight: variant.weight,
        n: counts.n,
        completed: completed.converted,
        completionRate: completed.rate,
        converted: metric.converted,
        rate: metric.rate,
      }
    })
    const [baseline, ...others] = arms
    const comparisons = others.map((other) => ({
      variantId: other.id,
      baselineId: baseline!.id,
      completion: estimateLift({ treatment: { n: other.n, converted: other.completed }, control: { n: baseline!.n, converted: baseline!.completed } }),
      metric: estimateLift({ treatment: { n: other.n, converted: other.converted }, control: { n: baseline!.n, converted: baseline!.converted } }),
    }))
    return [{ milestoneId: milestone.id, arms, comparisons }]
  })

  return {
    generatedAt: now.toISOString(),
    experimentId: experiment.id,
    holdoutPercent: experiment.holdoutPercent,
    metric: experiment.metric,
    treatment,
    holdout,
    lift,
    power,
    variants,
  }
}

function collectUnits(program: Program & { experiment: Experiment }, rows: readonly CohortMember[], assignments: ReadonlyMap<string, SubjectAssignment>): Map<string, Unit> {
  const { levelId, milestoneId } = program.experiment.metric
  const variantMilestones = program.milestones.filter((m) => m.variants).map((m) => m.id)
  const units = new Map<string, Unit>()
  for (const { subject, progress } of rows) {
    const assignment = assignments.get(subject.userId)
    if (!assignment) continue
    const key = assignmentUnit(subject)
    let unit = units.get(key)
    if (!unit) units.set(key, (unit = { signedUpAt: Infinity, assignment, metricAt: undefined, milestoneAt: new Map() }))
    unit.signedUpAt = Math.min(unit.signedUpAt, Date.parse(subject.signedUpAt))
    const metricAt = milestoneId !== undefined ? achievedAt(progress, milestoneId) : levelAt(program, progress, levelId!)
    unit.metricAt = earliest(unit.metricAt, metricAt)
    for (const id of variantMilestones) {
      const at = earliest(unit.milestoneAt.get(id), achievedAt(progress, id))
      if (at !== undefined) unit.milestoneAt.set(id, at)
    }
  }
  return units
}

export function achievedAt(progress: Progress, milestoneId: string): number | undefined {
  const entry = progress.milestones[milestoneId]
  return entry?.state === 'achieved' && entry.achievedAt !== undefined ? Date.parse(entry.achievedAt) : undefined
}

export function levelAt(program: Program, progress: Progress, levelId: string): number | undefined {
  const at = levelCompletionTimes(program, progress).get(levelId)
  return at === undefined ? undefined : Date.parse(at)
}

export function earliest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b)
}
