import { randomBytes } from 'node:crypto'
import { formatIssues } from '../../core'
import type { Storage } from '../storage'
import { invalidBody } from '../service/errors'
import { deleteWebhook, insertWebhook, listDeliveries, listWebhooks } from './outbox-table'
import { checkTarget } from './target-check'
import { WebhookRegistrationSchema } from './schemas'
import type { Delivery, Webhook } from './types'

/** The API-key side of webhooks (DESIGN §7.3): register, list, remove, and read a webhook's delivery log. */
export interface WebhookAdmin {
  /** Validates and stores a subscription; the secret (generated when omitted) is returned only here. */
  register(body: unknown): Promise<Webhook & { secret: string }>
  list(): Promise<Webhook[]>
  /** False when there is no such webhook. */
  remove(id: string): Promise<boolean>
  /** Newest first; undefined when there is no such webhook. */
  deliveries(id: string): Promise<Delivery[] | undefined>
}

export function createWebhookAdmin(storage: Storage, programId: string, allowPrivate: boolean, now: () => Date): WebhookAdmin {
  return {
    register: async (body) => {
      const parsed = WebhookRegistrationSchema.safeParse(body)
      if (!parsed.success) throw invalidBody('The webhook is not valid.', formatIssues(parsed.error.issues))
      const problem = await checkTarget(parsed.data.url, allowPrivate)
      if (problem) throw invalidBody('The webhook URL is refused.', [{ path: 'url', message: problem }])
      const hook = {
        id: `wh_${randomBytes(12).toString('hex')}`,
        url: parsed.data.url,
        events: [...new Set(parsed.data.events)],
        createdAt: now().toISOString(),
        secret: parsed.data.secret ?? `whsec_${randomBytes(24).toString('base64url')}`,
      }
      await insertWebhook(storage, programId, hook)
      return hook
    },
    list: () => listWebhooks(storage, programId),
    remove: (id) => deleteWebhook(storage, programId, id),
    deliveries: async (id) => {
      const known = (await listWebhooks(storage, programId)).some((hook) => hook.id === id)
      return known ? listDeliveries(storage, programId, id) : undefined
    },
  }
}
