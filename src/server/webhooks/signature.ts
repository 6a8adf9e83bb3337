import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * `Cairn-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` (DESIGN §7.3, Stripe-style):
 * the timestamp is signed with the body so a captured delivery cannot be replayed later under a new time.
 */
export function signatureHeader(secret: string, rawBody: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000)
  return `t=${t},v1=${hmac(secret, `${t}.${rawBody}`)}`
}

/** Signatures older than this are refused by `verifyWebhookSignature` (replay window). @default 300 s */
export const DEFAULT_TOLERANCE_SECONDS = 300

/**
 * What a receiver runs: true when `header` signs `rawBody` with `secret` and its time is within `toleranceSeconds`
 * of `now`. Compares in constant time. @default toleranceSeconds 300, now the current time
 */
export function verifyWebhookSignature(
  secret: string,
  rawBody: string,
  header: string,
  { now = new Date(), toleranceSeconds = DEFAULT_TOLERANCE_SECONDS }: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  const parts = new Map(header.split(',').map((part) => part.trim().split('=', 2) as [string, string]))
  const t = Number(parts.get('t'))
  const given = parts.get('v1')
  if (!Number.isInteger(t) || !given || !/^[0-9a-f]{64}$/.test(given)) return false
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(hmac(secret, `${t}.${rawBody}`), 'hex'))
}

function hmac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex')
}
