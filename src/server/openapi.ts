import * as z from 'zod/mini'
import {
  AccountsPageSchema, BadgeSchema, BenchmarksSchema, CelebrationSchema, CriterionSchema, DigestSchema, EventSchema, LevelSchema,
  ExperimentInsightsSchema, InsightsSchema, MeProgressSchema, MilestoneSchema, ProgramPreviewSchema, ProgramSchema, ProgramVersionsSchema,
  ProgressSchema, PublishedVersionSchema, SubjectSchema,
} from '../core'
import {
  ClientEventBatchSchema, ErrorSchema, EventBatchSchema, HealthSchema, IngestResultSchema, ShareSchema, StreamTicketSchema, SubjectUpsertSchema,
} from './http/response-schemas'
import { ShareRequestSchema } from './service/shares'
import { DeliverySchema, RegisteredWebhookSchema, WebhookEventSchema, WebhookRegistrationSchema, WebhookSchema } from './webhooks'

type JsonObject = Record<string, unknown>

/** Every schema in the document, by component name. Generated from the zod schemas — never copied by hand. */
const COMPONENTS = {
  Program: ProgramSchema, Milestone: MilestoneSchema, Criterion: CriterionSchema, Level: LevelSchema, Badge: BadgeSchema,
  Event: EventSchema, Subject: SubjectSchema, SubjectUpsert: SubjectUpsertSchema, EventBatch: EventBatchSchema,
  ClientEventBatch: ClientEventBatchSchema, Progress: ProgressSchema, MeProgress: MeProgressSchema,
  Benchmarks: BenchmarksSchema, Celebration: CelebrationSchema, Digest: DigestSchema, IngestResult: IngestResultSchema,
  Insights: InsightsSchema, ExperimentInsights: ExperimentInsightsSchema, Health: HealthSchema, Error: ErrorSchema,
  AccountsPage: AccountsPageSchema,
  WebhookRegistration: WebhookRegistrationSchema, Webhook: WebhookSchema, RegisteredWebhook: RegisteredWebhookSchema,
  ShareRequest: ShareRequestSchema, Share: ShareSchema, StreamTicket: StreamTicketSchema,
  WebhookList: z.array(WebhookSchema), Delivery: DeliverySchema, DeliveryList: z.array(DeliverySchema), WebhookEvent: WebhookEventSchema,
  ProgramVersions: ProgramVersionsSchema, PublishedVersion: PublishedVersionSchema, ProgramPreview: ProgramPreviewSchema,
} satisfies Record<string, z.ZodMiniType>
type ComponentName = keyof typeof COMPONENTS

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` })
const json = (name: ComponentName, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } })
const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request (details list each bad field by path)', 401: 'Missing, invalid or expired credential',
  403: 'Wrong credential for this route, or not allowed', 404: 'Not found', 409: 'Every event reuses an id with a different payload',
  413: 'Body or batch too large', 422: 'Invalid program (details list each problem by path)', 429: 'Rate limited (see Retry-After)',
}
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [String(s), json('Error', ERROR_TEXT[s] ?? 'Error')]))
const USER = [{ userToken: [] }]
const API_KEY = [{ apiKey: [] }]

/**
 * One operation. `operationId` is what generated clients name the method; `security` is always stated, `[]`
 * marking a public route (no credential) explicitly rather than by omission.
 */
function operation(operationId: string, summary: string, security: unknown[], responses: JsonObject, extra: JsonObject = {}): JsonObject {
  const authErrors = security.length > 0 ? errors(401, 403, 429) : {}
  return { operationId, summary, security, ...extra, responses: { ...responses, ...authErrors, '500': json('Error', 'Unexpected error') } }
}
const body = (name: ComponentName) => ({ required: true, content: { 'application/json': { schema: ref(name) } } })

const PATHS: JsonObject = {
  '/v1/program': {
    get: operation('getProgram', 'The active program version', USER, { '200': json('Program', 'The program; ETag is its version'), '304': { description: 'Not modified (If-None-Match)' } }),
    put: operation(
      'publishProgram',
      'Publish a new program version and make it active; every subject is re-evaluated, keeping everything achieved',
      API_KEY,
      {
        '201': json('PublishedVersion', 'Published and active'),
        '200': json('PublishedVersion', 'This exact version was already published; it is active again'),
        '409': json('Error', 'The version string is already published with a different definition'),
        ...errors(400, 413, 422),
      },
      { requestBody: body('Program') },
    ),
  },
  '/v1/program/versions': {
    get: operation('listProgramVersions', 'Every published version, newest first: who published it and what changed', API_KEY, { '200': json('ProgramVersions', 'Version history') }),
  },
  '/v1/program/versions/{version}/activate': {
    post: operation('activateProgramVersion', 'Make a published version active (roll back or forward); every subject is re-evaluated', API_KEY, { '200': json('PublishedVersion', 'Active'), ...errors(404) }, {
      parameters: [{ name: 'version', in: 'path', required: true, schema: { type: 'string' } }],
    }),
  },
  '/v1/program/preview': {
    post: operation(
      'previewProgram',
      'What publishing this program would change: per milestone, subjects per state now and after, how many change and how many newly achieve it. Writes nothing.',
      API_KEY,
      { '200': json('ProgramPreview', 'Preview'), ...errors(400, 413, 422) },
      { requestBody: body('Program') },
    ),
  },
  '/v1/program.schema.json': {
    get: operation('getProgramSchema', 'JSON Schema (draft 2020-12) of a program file, generated from the same schemas the API validates with', [], {
      '200': { description: 'JSON Schema', content: { 'application/json': { schema: { type: 'object' } } } },
    }),
  },
  '/v1/me/progress': {
    get: operation('getMyProgress', "The user's progress, benchmarks and pending celebrations", USER, { '200': json('MeProgress', 'Progress') }),
  },
  '/v1/me/stream': {
    get: operation('streamMyProgress', 'Live progress (Server-Sent Events: `event: progress`, data = MeProgress)', [{ userToken: [] }, { streamTicket: [] }, { tokenQuery: [] }], {
      '200': { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
    }, {
      description:
        'EventSource cannot send headers: pass a single-use `?ticket=` from POST /v1/me/stream-ticket. 401 invalid_ticket, ticket_expired or ticket_used when it cannot be used. `?token=` is still accepted but puts the user token in URLs (and access logs).',
    }),
  },
  '/v1/me/stream-ticket': {
    post: operation('createStreamTicket', 'A short-lived single-use ticket that opens one GET /v1/me/stream?ticket= (so the user token stays out of URLs)', USER, {
      '201': json('StreamTicket', 'The ticket and when it expires (CAIRN_STREAM_TICKET_TTL_S, 60 s by default)'),
    }),
  },
  '/v1/me/events': {
    post: operation('trackMyEvents', 'Record client-trackable events for the token user', USER, { '202': json('IngestResult', 'Ingest counts'), ...errors(400, 409, 413) }, { requestBody: body('ClientEventBatch') }),
  },
  '/v1/me/celebrations/{id}/seen': {
    post: operation('acknowledgeCelebration', 'Acknowledge a celebration (never shown again)', USER, { '204': { description: 'Acknowledged' }, ...errors(404) }, {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    }),
  },
  '/v1/me/digest': {
    get: operation('getMyDigest', 'A summary of the week or month', USER, { '200': json('Digest', 'Digest'), ...errors(400) }, {
      parameters: [{ name: 'period', in: 'query', required: true, schema: { type: 'string', enum: ['week', 'month'] } }],
    }),
  },
  '/v1/me/shares': {
    post: operation('createShare', 'Create a public share link for a milestone, level or badge this user achieved or earned', USER, {
      '200': json('Share', 'The live link this user already has for the same achievement and first name (sharing again, or a retry)'),
      '201': json('Share', 'The share and its public page URL'),
      ...errors(400, 413),
      '409': json('Error', 'not_achieved: this user has not achieved or earned it'),
    }, { requestBody: body('ShareRequest'), description: '403 sharing_disabled when the program does not enable sharing.' }),
  },
  '/v1/me/shares/{id}': {
    delete: operation('revokeShare', 'Revoke one of your share links (its page then answers 410)', USER, { '204': { description: 'Revoked' }, ...errors(404) }, {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    }),
  },
  '/s/{id}': {
    get: operation('getSharePage', 'Public share page: Open Graph and Twitter card tags, the achievement, the product and an optional first name', [], {
      '200': { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } },
      '404': { description: 'No such share (HTML)', content: { 'text/html': { schema: { type: 'string' } } } },
      '410': { description: 'Revoked, or sharing turned off (HTML)', content: { 'text/html': { schema: { type: 'string' } } } },
    }, { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] }),
  },
  '/s/{id}.svg': {
    get: operation('getShareImage', 'The share image (1200×630 SVG)', [], {
      '200': { description: 'SVG image', content: { 'image/svg+xml': { schema: { type: 'string' } } } },
      ...errors(404),
      '410': json('Error', 'Revoked, or sharing turned off'),
    }, { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] }),
  },
  '/v1/events': {
    post: operation('ingestEvents', 'Ingest usage events (idempotent by event id)', API_KEY, { '202': json('IngestResult', 'Ingest counts'), ...errors(400, 409, 413) }, { requestBody: body('EventBatch') }),
  },
  '/v1/subjects/{userId}': {
    put: operation('upsertSubject', 'Create or update a subject', API_KEY, { '200': json('Subject', 'The stored subject'), ...errors(400, 413) }, {
      parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }],
      requestBody: body('SubjectUpsert'),
    }),
  },
  '/v1/insights': {
    get: operation('getInsights', 'Program analytics: completion, time to milestone, drop-off, velocity', API_KEY, { '200': json('Insights', 'Insights') }),
  },
  '/v1/insights/experiment': {
    get: operation('getExperimentInsights', 'Holdout lift (Newcombe 95% interval, pooled z-test), power, and threshold-variant comparisons', API_KEY, {
      '200': json('ExperimentInsights', 'Experiment results'),
      ...errors(404),
    }),
  },
  '/v1/accounts': {
    get: operation('listAccounts', 'Accounts by customer-success segment, with pace, signals and a suggested action (cursor pagination)', API_KEY, { '200': json('AccountsPage', 'One page'), ...errors(400) }, {
      parameters: [
        { name: 'segment', in: 'query', schema: { type: 'string', enum: ['at_risk', 'stalled', 'behind_pace', 'expansion', 'all'], default: 'all' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
        { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
      ],
    }),
  },
  '/v1/webhooks': {
    post: operation(
      'registerWebhook',
      'Register a webhook (the secret is shown only in this response; deliveries are signed with Cairn-Signature)',
      API_KEY,
      { '201': json('RegisteredWebhook', 'Registered'), ...errors(400, 413) },
      { requestBody: body('WebhookRegistration') },
    ),
    get: operation('listWebhooks', 'List webhooks (without secrets)', API_KEY, { '200': json('WebhookList', 'Webhooks') }),
  },
  '/v1/webhooks/{id}': {
    delete: operation('deleteWebhook', 'Remove a webhook and its pending deliveries', API_KEY, { '204': { description: 'Removed' }, ...errors(404) }, {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    }),
  },
  '/v1/webhooks/{id}/deliveries': {
    get: operation('listWebhookDeliveries', 'Recent deliveries of a webhook, newest first (body sent: WebhookEvent)', API_KEY, { '200': json('DeliveryList', 'Deliveries'), ...errors(404) }, {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    }),
  },
  '/healthz': {
    get: operation('getHealth', 'Liveness and storage reachability', [], { '200': json('Health', 'Up'), '503': json('Health', 'Storage unreachable') }),
  },
  '/v1/openapi.json': {
    get: operation('getOpenApiDocument', 'This document', [], { '200': { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } }),
  },
}

/** Converts every component through one registry so shared schemas become `$ref`s instead of copies. */
function componentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>()
  for (const [name, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id: name })
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
    // Refinements (ISO timestamps, safe URLs) have no JSON Schema form; the type around them stays.
    unrepresentable: 'any',
  })
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject
      return [name, rest]
    }),
  )
}

let cached: JsonObject | undefined

/** The OpenAPI 3.1 document served at `/v1/openapi.json`. Built once per process. */
export function openApiDocument(): JsonObject {
  cached ??= {
    openapi: '3.1.0',
    info: { title: 'Cairn API', version: '1', description: 'Progress, milestones and celebrations for an in-app widget.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    // Relative: the API is wherever this document is served from (the paths carry their /v1 prefix).
    servers: [{ url: '/', description: 'The server that serves this document' }],
    paths: PATHS,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        userToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Short-lived user token (HS256) from createUserToken' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'CAIRN_API_KEY, server to server only' },
        streamTicket: { type: 'apiKey', in: 'query', name: 'ticket', description: 'Single-use stream ticket from POST /v1/me/stream-ticket (SSE stream only)' },
        tokenQuery: { type: 'apiKey', in: 'query', name: 'token', description: 'User token as a query parameter (SSE stream only; prefer streamTicket: URLs end up in logs)' },
      },
    },
  }
  return cached
}
