import { Hono } from 'hono'
import { verifyWebhookSignature } from '../../server'
import type { CairnApi } from './cairn-api'

/** What the panel shows of each delivery this backend received. */
export interface ReceivedDelivery {
  receivedAt: string
  /** The signature checked out with the secret Cairn gave at registration. */
  verified: boolean
  event: { id: string; type: string; data: { userId: string; title: string } }
}

/** The panel shows the latest few; older ones fall off. */
const KEEP = 30

/**
 * Taskly's own webhook receiver, as a product team would write one: `POST /webhook-receiver` verifies the
 * Cairn-Signature and keeps the latest deliveries in memory; `POST /webhooks` registers it with Cairn;
 * `GET /webhooks` lists registrations, Cairn's delivery log and what arrived.
 */
export function createWebhookInbox(api: CairnApi, receiverUrl: () => string): Hono {
  const secrets = new Set<string>()
  const received: ReceivedDelivery[] = []
  const app = new Hono()

  app.post('/webhook-receiver', async (c) => {
    const raw = await c.req.text()
    const header = c.req.header('cairn-signature') ?? ''
    const verified = [...secrets].some((secret) => verifyWebhookSignature(secret, raw, header))
    try {
      received.unshift({ receivedAt: new Date().toISOString(), verified, event: JSON.parse(raw) as ReceivedDelivery['event'] })
      received.length = Math.min(received.length, KEEP)
    } catch {
      return c.body(null, 400)
    }
    return c.body(null, 204)
  })

  app.post('/webhooks', async (c) => {
    const hook = await api.registerWebhook(receiverUrl(), ['*'])
    secrets.add(hook.secret)
    return c.json({ id: hook.id }, 201)
  })

  app.get('/webhooks', async (c) => c.json({ webhooks: await api.webhooks(), received, canVerify: secrets.size > 0 }))
  return app
}
