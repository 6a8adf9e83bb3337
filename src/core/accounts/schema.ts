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
