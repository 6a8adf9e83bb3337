import * as z from 'zod/mini'
import { SuccessMetricsSchema } from '../accounts/schema'

/** A fraction from 0 to 1 (completion rate, drop-off). */
const share = z.number()

/**
 * `GET /v1/insights`: what a product team looks at — completion rate per milestone, median days to achieve,
 * drop-off between consecutive level steps (share lost), and achievements per ISO week (velocity).
 */
export const InsightsSchema = z.object({
  generatedAt: z.string(),
  subjects: z.number(),
  milestones: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      levelId: z.optional(z.string()),
      completionRate: share,
      achieved: z.number(),
      eligible: z.number(),
      /** People whose deadline passed without it (milestones with a `deadline` only); `missed / eligible` is the missed rate. */
      missed: z.optional(z.number()),
      medianDaysToAchieve: z.nullable(z.number()),
    }),
  ),
  levels: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      steps: z.array(z.object({ milestoneId: z.string(), title: z.string(), reached: z.number(), dropOff: share })),
    }),
  ),
  velocity: z.array(
    z.object({
      weekStart: z.string(),
      achieved: z.number(),
      /** The current week, still running: its count is partial (`through` = when it was counted). */
      partial: z.optional(z.boolean()),
      through: z.optional(z.string()),
    }),
  ),
  /** Milestone density, retention with vs without early milestones, completion by segment (additive, turn 2). */
  success: z.optional(SuccessMetricsSchema),
  /**
   * Per risk signal of the program (DESIGN §7.1), in program order: how many people it is active for now, counted
   * from stored progress (which the scheduler keeps current). Present when the program declares signals (additive).
   */
  atRisk: z.optional(
    z.array(
      z.object({
        signalId: z.string(),
        title: z.string(),
        kind: z.enum(['inactive', 'usage_drop', 'stalled']),
        /** The signal's `days` ("inactive for 14+ days"). */
        days: z.number(),
        active: z.number(),
      }),
    ),
  ),
  /** When the active program version changed, oldest first (charts mark these moments). */
  versions: z.optional(z.array(z.object({ version: z.string(), activatedAt: z.string() }))),
})
export type Insights = z.infer<typeof InsightsSchema>
