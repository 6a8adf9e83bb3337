import type { Storage } from '../storage'
import { claimDueDeliveries, nextDueAt, recordAttempt, type ClaimedDelivery } from './outbox-table'
import { signatureHeader } from './signature'
import { checkTarget } from './target-check'

/** A receiver that has not answered in this long has failed this attempt (DESIGN §7.3). */
export const DELIVERY_TIMEOUT_MS = 10_000
/** Retries stop, and the delivery is `failed`, once the next attempt would fall this long after the event. */
export const RETRY_FOR_MS = 24 * 60 * 60_000
/** First retry delay (`CAIRN_WEBHOOK_BACKOFF_MS`); it doubles with every failed attempt. */
export const DEFAULT_BACKOFF_MS = 10_000
/** Longer than one attempt can take, so a lease only lapses when its process is gone. */
const LEASE_MS = DELIVERY_TIMEOUT_MS * 3
/** Deliveries claimed per round; a full round is followed at once by the next. */
const BATCH_SIZE = 25
/** Work written by other processes is noticed within this long even when nobody pokes this one. */
const IDLE_POLL_MS = 2_000

export interface WebhookSenderOptions {
  storage: Storage
  programId: string
  /** `CAIRN_WEBHOOK_ALLOW_PRIVATE=1`: loopback, private and plain-http targets allowed. @default false */
  allowPrivate?: boolean
  /** @default 10000 */
  backoffMs?: number
  /** @default () => new Date() */
  now?: () => Date
  /** Receives failures of the sender itself (not of receivers, which go to the delivery log). @default console.error */
  log?: (message: string) => void
}

export interface WebhookSender {
  /** Something was just enqueued here: look now instead of at the next poll. */
  poke(): void
  /** Stops claiming and waits for the attempts in flight. */
  close(): Promise<void>
}

/**
 * Sends what the outbox holds, at least once each: claim a few due deliveries, POST them signed, record the
 * outcome, and sleep until the next is due (or a poke). Every API process runs one; claims never overlap.
 */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const { storage, programId } = options
  const now = options.now ?? (() => new Date())
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS
  const log = options.log ?? ((message) => console.error(`[cairn] webhooks: ${message}`))
  let closed = false
  let wake: (() => void) | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve
      timer = setTimeout(resolve, Math.max(0, ms))
      timer.unref?.()
    }).finally(() => {
      clearTimeout(timer)
      wake = undefined
    })

  const attempt = async (delivery: ClaimedDelivery): Promise<void> => {
    const problem = await checkTarget(delivery.url, options.allowPrivate ?? false)
    const error = problem ? `refused target: ${problem}` : await post(delivery, now())
    const at = now()
    if (error === undefined) return recordAttempt(storage, programId, delivery, { ok: true, at })
    const retry = new Date(at.getTime() + backoffMs * 2 ** delivery.attempts)
    const retryAt = retry.getTime() - delivery.createdAt.getTime() > RETRY_FOR_MS ? null : retry
    return recordAttempt(storage, programId, delivery, { ok: false, error, retryAt })
  }

  const round = async (): Promise<number> => {
    const claimed = await claimDueDeliveries(storage, programId, now(), LEASE_MS, BATCH_SIZE)
    await Promise.all(claimed.map((delivery) => attempt(delivery).catch((e: unknown) => log(`recording an attempt failed (${code(e)})`))))
    return claimed.length
  }

  const loop = (async () => {
    while (!closed) {
      try {
        // Claiming is an UPDATE, so claim only when something is due: an idle outbox then writes nothing, and the
        // embedded database's read caches (progress reads, kept answers) last until a real write.
        let due = await nextDueAt(storage, programId)
        if (due !== undefined && due.getTime() <= now().getTime()) {
          if ((await round()) === BATCH_SIZE) continue
          due = await nextDueAt(storage, programId)
        }
        const wait = due ? due.getTime() - now().getTime() : IDLE_POLL_MS
        if (!closed) await sleep(Math.min(Math.max(wait, 0), IDLE_POLL_MS))
      } catch (e) {
        if (!closed) {
          log(`outbox unavailable (${code(e)}); retrying`)
          await sleep(IDLE_POLL_MS)
        }
      }
    }
  })()

  return {
    poke: () => wake?.(),
    close: async () => {
      closed = true
      wake?.()
      await loop
    },
  }
}

/** One signed POST; undefined on a 2xx, else why it failed. Redirects are not followed (they could lead inside). */
async function post(delivery: ClaimedDelivery, at: Date): Promise<string | undefined> {
  const body = JSON.stringify(delivery.payload)
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Cairn-Webhooks/1',
        'Cairn-Event-Id': delivery.payload.id,
        'Cairn-Signature': signatureHeader(delivery.secret, body, at),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    })
    await response.body?.cancel().catch(() => {})
    return response.status >= 200 && response.status < 300 ? undefined : `HTTP ${response.status}`
  } catch (e) {
    return e instanceof Error && e.name === 'TimeoutError' ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s` : `connection failed (${code(e)})`
  }
}

/** A short, payload-free description of an error for logs. */
function code(e: unknown): string {
  const cause = (e as { cause?: { code?: string } }).cause
  return cause?.code ?? (e as { code?: string }).code ?? (e instanceof Error ? e.name : 'error')
}
