import type { CairnEvent } from '../core'
import type { TrackInput } from './source'
import { randomId } from './random-id'
import { iso, leaf, obj, opt, record, refine, str, validate, type Check } from './validate'

/** Same bound as the core EventSchema, so a widget-side mistake fails here, not as a rejected event. */
const MAX_NAME_LENGTH = 200

const bounded = refine(str, (s) => s.length > 0 && s.length <= MAX_NAME_LENGTH, `must be 1 to ${MAX_NAME_LENGTH} characters`)
const scalar = leaf<string | number | boolean>(
  'a string, finite number or boolean',
  (v) => typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v),
)

const trackInput: Check<TrackInput> = obj({
  name: bounded,
  properties: opt(record(scalar)),
  id: opt(bounded),
  timestamp: opt(iso),
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
  const { name, properties, id, timestamp } = validate(trackInput, input, 'Invalid event', 'invalid_input')
  return {
    id: id ?? randomId(),
    name,
    timestamp: timestamp ?? now.toISOString(),
    ...(owner.userId !== undefined && { userId: owner.userId }),
    ...(owner.accountId !== undefined && { accountId: owner.accountId }),
    ...(properties !== undefined && { properties }),
  }
}
