import * as z from 'zod/mini'
import { WEBHOOK_EVENT_TYPES } from './types'

/** URLs longer than this are not webhook endpoints but mistakes (or payloads). */
const MAX_URL_LENGTH = 2_048
const EVENT_TYPE_OR_ALL = [...WEBHOOK_EVENT_TYPES, '*'] as const

/** `POST /v1/webhooks` body. */
export const WebhookRegistrationSchema = z.strictObject({
  url: z.string().check(z.minLength(1, 'must be a URL'), z.maxLength(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)),
  events: z.array(z.enum(EVENT_TYPE_OR_ALL, `must be one of ${EVENT_TYPE_OR_ALL.join(', ')}`)).check(z.minLength(1, 'must list at least one event type')),
  secret: z.optional(z.string().check(z.minLength(16, 'must be at least 16 characters'), z.maxLength(256, 'must be at most 256 characters'))),
})

/** A webhook as listed (no secret). */
export const WebhookSchema = z.object({ id: z.string(), url: z.string(), events: z.array(z.string()), createdAt: z.string() })
/** The one response that shows the secret: right after registration. */
export const RegisteredWebhookSchema = z.extend(WebhookSchema, { secret: z.string() })
export const DeliverySchema = z.object({
  id: z.string(),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  lastError: z.optional(z.string()),
  createdAt: z.string(),
  deliveredAt: z.optional(z.string()),
})
/** What a receiver gets (DESIGN §7.3). */
export const WebhookEventSchema = z.object({
  id: z.string(),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  createdAt: z.string(),
  data: z.object({
    userId: z.string(),
    accountId: z.optional(z.string()),
    refId: z.string(),
    title: z.string(),
    suppressed: z.optional(z.literal(true)),
    digest: z.optional(z.unknown()),
  }),
})
