// Shapes the server adds around the core schemas, for the OpenAPI document. The compile-time checks at the
// bottom keep them equal to the TypeScript contract in service-types.ts.
import * as z from 'zod/mini'
import { EventSchema, SubjectSchema } from '../../core'
import type { IssuedStreamTicket } from '../service'
import type { IngestResult } from '../service-types'
import { MAX_CLIENT_EVENTS_PER_BATCH, MAX_EVENTS_PER_BATCH } from './event-batch'

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
})

export const IngestResultSchema = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  rejected: z.array(z.object({ index: z.number(), error: z.object({ code: z.string(), message: z.string() }) })),
})

/** `POST /v1/me/shares` answer: the unguessable id and the public page. */
export const ShareSchema = z.object({ id: z.string(), url: z.string() })

/** `POST /v1/me/stream-ticket` answer: a single-use ticket for `GET /v1/me/stream?ticket=`. */
export const StreamTicketSchema = z.object({ ticket: z.string(), expiresAt: z.iso.datetime() })

export const HealthSchema = z.object({ ok: z.boolean(), storage: z.enum(['up', 'down']) })

/** `POST /v1/events` body. */
export const EventBatchSchema = z.object({ events: z.array(EventSchema).check(z.maxLength(MAX_EVENTS_PER_BATCH)) })

/** `POST /v1/me/events` body: user and account come from the token when left out. */
export const ClientEventBatchSchema = z.object({
  events: z.array(z.partial(EventSchema, { userId: true, accountId: true })).check(z.maxLength(MAX_CLIENT_EVENTS_PER_BATCH)),
})

/** `PUT /v1/subjects/{userId}` body: the subject without its id (that is in the path). */
export const SubjectUpsertSchema = z.omit(SubjectSchema, { userId: true })

// Compile-time: the zod shapes and the service contract describe the same data.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _ingestMatches: Same<z.infer<typeof IngestResultSchema>, IngestResult> = true
const _ticketMatches: Same<z.infer<typeof StreamTicketSchema>, IssuedStreamTicket> = true
