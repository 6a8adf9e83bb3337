import * as z from 'zod/mini'

const scalar = z.union([z.string(), z.number(), z.boolean()])
const isoTime = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 timestamp'))

export const EventSchema = z.strictObject({
  /** Idempotency key: the same id is counted once. */
  id: z.string().check(z.minLength(1, 'must be a non-empty string'), z.maxLength(200, 'must be at most 200 characters')),
  name: z.string().check(z.minLength(1, 'must be a non-empty string'), z.maxLength(200, 'must be at most 200 characters')),
  userId: z.string().check(z.minLength(1, 'must be a non-empty string'), z.maxLength(200, 'must be at most 200 characters')),
  accountId: z.optional(z.string().check(z.minLength(1, 'must be a non-empty string'), z.maxLength(200, 'must be at most 200 characters'))),
  timestamp: isoTime,
  properties: z.optional(z.record(z.string(), scalar)),
})
export type CairnEvent = z.infer<typeof EventSchema>

export const TraitsSchema = z.record(z.string(), scalar)
export type Traits = z.infer<typeof TraitsSchema>

export const SubjectSchema = z.strictObject({
  userId: z.string().check(z.minLength(1, 'must be a non-empty string')),
  accountId: z.optional(z.string().check(z.minLength(1, 'must be a non-empty string'))),
  signedUpAt: isoTime,
  traits: z.optional(TraitsSchema),
  consent: z.optional(z.boolean()),
  timeZone: z.optional(z.string()),
})
export type Subject = z.infer<typeof SubjectSchema>
