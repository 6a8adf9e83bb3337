// Webhooks room: signed deliveries of progress changes to CRMs and CS tools, from a transactional outbox (DESIGN §7.3).
export { WEBHOOK_EVENT_TYPES, type WebhookEvent, type WebhookEventType, type Webhook, type Delivery, type DeliveryStatus } from './types'
export { signatureHeader, verifyWebhookSignature } from './signature'
export { checkTarget, isPrivateAddress } from './target-check'
export { progressChanges, webhookEventId } from './progress-changes'
export { enqueueDeliveries } from './outbox-table'
export { createWebhookSender, DEFAULT_BACKOFF_MS, type WebhookSender, type WebhookSenderOptions } from './sender'
export { createWebhookAdmin, type WebhookAdmin } from './webhook-admin'
export { WebhookRegistrationSchema, WebhookSchema, RegisteredWebhookSchema, DeliverySchema, WebhookEventSchema } from './schemas'
