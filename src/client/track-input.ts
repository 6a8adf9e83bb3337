import * as z from 'zod/mini'
import { formatIssues, type CairnEvent } from '../core'
import { CairnError, type TrackInput } from './source'
import { randomId } from './random-id'

// Same limits as the core EventSchema, so a widget-side mistake fails here with a clear message
// instead of as a rejected event from the server.
const bounded = z.string().check(z.minLength(1, 'must be a non-empty string'), z.maxLength(200, 'must be at most 200 characters'))

const TrackInputSchema = z.object({
  name: bounded,
  properties: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  id: z.optional(bounded),
  timestamp: z.optional(z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 timestamp'))),
})

/** Who a tracked event is attributed to; `userId` may be unknown to the http source (the server fills it). */
export interface EventOwner {
  userId?: string
  accountId?: string
}

/**
 * Turns what the widget tracks into a full event: validates the input (→ `invalid_input`), then fills in
 * the idempotency key, timestamp and owner.
 */
export function eventFromInput(input: TrackInput, owner: EventOwner, now: Date): Omit<CairnEvent, 'userId'> & EventOwner {
  const parsed = TrackInputSchema.safeParse(input)
  if (!parsed.success) {
    const errors = formatIssues(parsed.error.issues)
    throw new CairnError('invalid_input', `Invalid event: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, undefined, errors)
  }
  const { name, properties, id, timestamp } = parsed.data
  return {
    id: id ?? randomId(),
    name,
    timestamp: timestamp ?? now.toISOString(),
    ...(owner.userId !== undefined && { userId: owner.userId }),
    ...(owner.accountId !== undefined && { accountId: owner.accountId }),
    ...(properties !== undefined && { properties }),
  }
}
