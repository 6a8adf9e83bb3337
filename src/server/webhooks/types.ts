/** Every webhook event type (DESIGN §7.3); a subscription lists some of them, or `*` for all. */
export const WEBHOOK_EVENT_TYPES = [
  'milestone.achieved',
  'milestone.missed',
  'level.completed',
  'badge.earned',
  'signal.raised',
  'signal.cleared',
  'digest.ready',
] as const
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

/** The body of one delivery; `id` is the same on every retry so receivers can deduplicate. */
export interface WebhookEvent {
  id: string
  type: WebhookEventType
  createdAt: string
  data: {
    userId: string
    accountId?: string
    refId: string
    title: string
    /** Set while the subject is suppressed (§7.2): hosts may hold their own outreach too. */
    suppressed?: true
    /** `digest.ready` only: the §4 digest of the week. */
    digest?: unknown
  }
}

/** A registered receiver, as listed (never with its secret). */
export interface Webhook {
  id: string
  url: string
  events: string[]
  createdAt: string
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed'

/** One event on its way to one webhook. */
export interface Delivery {
  id: string
  type: WebhookEventType
  status: DeliveryStatus
  attempts: number
  lastError?: string
  createdAt: string
  deliveredAt?: string
}
