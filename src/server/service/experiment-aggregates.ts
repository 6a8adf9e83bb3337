import { assignmentUnit, OrderStatisticTree, type CohortMember, type Experiment, type ExperimentInsights, type Program } from '../../core'
import type { SubjectAssignment } from './assignments'
import { achievedAt, DAY_MS, earliest, experimentInsightsFrom, levelAt, type ExperimentTallies } from './experiment-insights'

/** Signup times are kept as offsets from here (small exact numbers). */
const EPOCH_MS = Date.UTC(2026, 0, 1)

/** One unit as the experiment counts it, apart from whether its window has passed yet. */
interface UnitFigures {
  /** Earliest member signup, as an offset from `EPOCH_MS`. */
  start: number
  /** The tallies it counts in once its window has passed: one per arm, per variant arm, and their conversions. */
  trees: OrderStatisticTree[]
}

/**
 * `computeExperimentInsights`, kept up to date instead of recomputed: a member change recomputes only its unit
 * (account, else user) and moves that unit's signup time in and out of the trees of the tallies it counts in.
 * Whether a unit's window has passed moves with `now`, so `read` counts, per tally, the signups at least
 * `withinDays` old: O(tallies × log units). Same JSON as the scan (property-tested).
 */
export interface ExperimentAggregates {
  /** Counts `member` in with its unit's recorded assignment (left out without one), replacing an earlier row of that user. */
  set(member: CohortMember, assignment: SubjectAssignment | undefined): void
  /** The experiment insights at `now`. */
  read(now: Date): ExperimentInsights
}

/** Empty experiment aggregates for `program`. */
export function createExperimentAggregates(program: Program & { experiment: Experiment }): ExperimentAggregates {
  const { levelId, milestoneId, withinDays } = program.experiment.metric
  const windowMs = withinDays * DAY_MS
  const variantMilestones = program.milestones.flatMap((m) => (m.variants ? [{ id: m.id, variants: m.variants.map((v) => v.id) }] : []))
  const tree = () => new OrderStatisticTree()
  const arms = { treatment: { n: tree(), converted: tree() }, holdout: { n: tree(), converted: tree() } }
  const variantTrees = new Map(
    variantMilestones.map(({ id, variants }) => [id, new Map(variants.map((variant) => [variant, { n: tree(), completed: tree(), converted: tree() }]))]),
  )
  const units = new Map<string, Map<string, { member: CohortMember; assignment: SubjectAssignment }>>()
  const unitOfUser = new Map<string, string>()
  const figures = new Map<string, UnitFigures>()

  const figuresOf = (members: Iterable<{ member: CohortMember; assignment: SubjectAssignment }>): UnitFigures => {
    let start = Infinity
    let assignment: SubjectAssignment | undefined
    let metricAt: number | undefined
    const milestoneAt = new Map<string, number | undefined>()
    for (const entry of members) {
      const { subject, progress } = entry.member
      assignment ??= entry.assignment
      start = Math.min(start, Date.parse(subject.signedUpAt))
      metricAt = earliest(metricAt, milestoneId !== undefined ? achievedAt(progress, milestoneId) : levelAt(program, progress, levelId!))
      for (const { id } of variantMilestones) milestoneAt.set(id, earliest(milestoneAt.get(id), achievedAt(progress, id)))
    }
    const within = (at: number | undefined) => at !== undefined && at <= start + windowMs
    const arm = assignment!.holdout ? arms.holdout : arms.treatment
    const trees = [arm.n, ...(within(metricAt) ? [arm.converted] : [])]
    if (!assignment!.holdout) {
      for (const { id } of variantMilestones) {
        const variant = variantTrees.get(id)!.get(assignment!.variants[id]!)
        if (!variant) continue
        trees.push(variant.n)
        if (within(milestoneAt.get(id))) trees.push(variant.completed)
        if (within(metricAt)) trees.push(variant.converted)
      }
    }
    return { start: start - EPOCH_MS, trees }
  }

  const recount = (key: string) => {
    const before = figures.get(key)
    if (before) for (const t of before.trees) t.remove(before.start)
    const members = units.get(key)
    if (!members || members.size === 0) {
      figures.delete(key)
      units.delete(key)
      return
    }
    const after = figuresOf(members.values())
    figures.set(key, after)
    for (const t of after.trees) t.add(after.start)
  }

  return {
    set(member, assignment) {
      const { userId } = member.subject
      const key = assignmentUnit(member.subject)
      const previous = unitOfUser.get(userId)
      if (previous !== undefined) {
        units.get(previous)!.delete(userId)
        unitOfUser.delete(userId)
        if (previous !== key || !assignment) recount(previous)
      }
      if (!assignment) return
      unitOfUser.set(userId, key)
      let members = units.get(key)
      if (!members) units.set(key, (members = new Map()))
      members.set(userId, { member, assignment })
      recount(key)
    },
    read(now) {
      const cutoff = now.getTime() - windowMs - EPOCH_MS
      const counted = (t: OrderStatisticTree) => t.atMost(cutoff).count
      const tallies: ExperimentTallies = {
        treatment: { n: counted(arms.treatment.n), converted: counted(arms.treatment.converted) },
        holdout: { n: counted(arms.holdout.n), converted: counted(arms.holdout.converted) },
        variants: new Map(
          [...variantTrees].map(([id, variants]) => [
            id,
            new Map([...variants].map(([variant, t]) => [variant, { n: counted(t.n), completed: counted(t.completed), converted: counted(t.converted) }])),
          ]),
        ),
      }
      return experimentInsightsFrom(program, tallies, now)
    },
  }
}
