import * as z from 'zod/mini'

/** `GET /v1/accounts` response (DESIGN §7.4), for the OpenAPI document and typed clients. */
export const AccountsPageSchema = z.object({
  accounts: z.array(
    z.object({
      accountId: z.string(),
      users: z.number(),
      daysSinceSignup: z.number(),
      milestonesAchieved: z.number(),
      lastMilestoneAt: z.optional(z.string()),
      pace: z.enum(['ahead', 'on_track', 'behind']),
      signals: z.array(z.string()),
      suggestedAction: z.string(),
    }),
  ),
  nextCursor: z.optional(z.string()),
})

const arm = z.object({ accounts: z.number(), retained: z.number(), rate: z.nullable(z.number()) })

/** `Insights.success`: the seeds' success metrics (see `computeSuccessMetrics`). */
export const SuccessMetricsSchema = z.object({
  milestoneDensity: z.number(),
  retention: z.object({
    earlyMilestones: z.number(),
    earlyDays: z.number(),
    windowDays: z.tuple([z.number(), z.number()]),
    withEarlyMilestones: arm,
    withoutEarlyMilestones: arm,
  }),
  completionBySegment: z.object({
    trait: z.string(),
    segments: z.array(z.object({ value: z.string(), accounts: z.number(), completionRate: z.number() })),
  }),
})
