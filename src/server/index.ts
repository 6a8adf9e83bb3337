// Public surface of `cairn/server`: the reference API and the helper a host backend uses to mint user tokens.
export { createServer, type CairnServer, type CreateServerOptions, type RunningServer } from './create-server'
export { createUserToken, type CreateUserTokenOptions } from './auth/user-token'
export { createApp, type AppOptions, type CairnApp } from './app'
export { loadConfig, loadProgramFile, ConfigError, DEFAULT_PORT, type ServerConfig } from './config'
export { openApiDocument } from './openapi'
export type { RateLimitOptions } from './http/rate-limit'
export type { CairnService, IngestResult, Insights, TokenSubject } from './service-types'
export { verifyWebhookSignature, WEBHOOK_EVENT_TYPES, type WebhookEvent, type WebhookEventType, type Webhook, type Delivery } from './webhooks'
