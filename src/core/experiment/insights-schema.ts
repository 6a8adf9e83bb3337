import * as z from 'zod/mini'

const count = z.number()
/** A share 0–1, null when its denominator is 0 (never NaN). */
const rate = z.nullable(z.number())

/** One arm: subjects (accounts, or users without one) counted, how many converted, and their share. */
export const ExperimentArmSchema = z.object({ n: count, converted: count, rate })

/** `estimateLift`'s result; every figure null (with `unavailable`) when an arm has no subjects. */
export const LiftSchema = z.object({
  absolute: z.nullable(z.number()),
  relative: z.nullable(z.number()),
  ci95: z.nullable(z.tuple([z.number(), z.number()])),
  pValue: z.nullable(z.number()),
  unavailable: z.optional(z.enum(['treatment_empty', 'control_empty', 'both_empty'])),
})

/** One threshold variant of a milestone: its subjects, how many completed the milestone, how many reached the metric. */
export const VariantArmSchema = z.object({
  id: z.string(),
  weight: z.number(),
  n: count,
  completed: count,
  completionRate: rate,
  converted: count,
  rate,
})

/**
 * `GET /v1/insights/experiment` (DESIGN §7.6): treatment against holdout on the experiment's metric, counting only
 * subjects whose `withinDays` since signup have passed; `power` says how many more subjects a 5-point effect needs;
 * `variants` compares each milestone's threshold variants (treatment subjects only) against its first variant.
 */
export const ExperimentInsightsSchema = z.object({
  generatedAt: z.string(),
  experimentId: z.string(),
  holdoutPercent: z.number(),
  metric: z.object({ levelId: z.optional(z.string()), milestoneId: z.optional(z.string()), withinDays: z.number() }),
  treatment: ExperimentArmSchema,
  holdout: ExperimentArmSchema,
  lift: LiftSchema,
  /** null when it cannot be computed (no holdout share, or nobody counted yet). */
  power: z.nullable(z.object({ effect: z.number(), moreSubjectsNeeded: count })),
  variants: z.array(
    z.object({
      milestoneId: z.string(),
      arms: z.array(VariantArmSchema),
      /** Each later variant against the first: on completing the milestone, and on the experiment's metric. */
      comparisons: z.array(z.object({ variantId: z.string(), baselineId: z.string(), completion: LiftSchema, metric: LiftSchema })),
    }),
  ),
})
export type ExperimentInsights = z.infer<typeof ExperimentInsightsSchema>
