import type { Program } from '../schemas/program'
import type { ValidationError } from '../validation-error'

/**
 * What the schema alone cannot say about `experiment` and milestone `variants`: the metric names exactly one
 * existing level or milestone, variant ids are unique within their milestone, and a value milestone's
 * variants stay countable.
 */
export function checkExperiment(program: Program): ValidationError[] {
  const errors: ValidationError[] = []
  const experiment = program.experiment
  if (experiment) {
    const { levelId, milestoneId } = experiment.metric
    if ((levelId === undefined) === (milestoneId === undefined)) {
      errors.push({ path: 'experiment.metric', message: 'must name exactly one of levelId or milestoneId' })
    } else if (levelId !== undefined && !program.levels.some((level) => level.id === levelId)) {
      errors.push({ path: 'experiment.metric.levelId', message: `unknown level "${levelId}"` })
    } else if (milestoneId !== undefined && !program.milestones.some((milestone) => milestone.id === milestoneId)) {
      errors.push({ path: 'experiment.metric.milestoneId', message: `unknown milestone "${milestoneId}"` })
    }
  }
  program.milestones.forEach((milestone, mi) => {
    const seen = new Set<string>()
    milestone.variants?.forEach((variant, vi) => {
      if (seen.has(variant.id)) errors.push({ path: `milestones[${mi}].variants[${vi}].id`, message: `duplicate variant id "${variant.id}"` })
      seen.add(variant.id)
      if (milestone.value && (variant.criterion.kind === 'all' || variant.criterion.kind === 'any')) {
        errors.push({ path: `milestones[${mi}].variants[${vi}].criterion`, message: 'needs a single countable criterion, not all/any (the milestone has a value)' })
      }
    })
  })
  return errors
}
