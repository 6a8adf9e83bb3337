import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

/** Addresses a webhook must not reach from the API's network (SSRF): loopback, private, link-local, CGNAT, multicast. */
const PRIVATE = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6')
}

/** True for an address on loopback, a private range or anything else not publicly routable. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 4) return PRIVATE.check(address, 'ipv4')
  if (family !== 6) return true
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  return mapped ? PRIVATE.check(mapped[1]!, 'ipv4') : PRIVATE.check(address, 'ipv6')
}

/** Why a target is refused, or undefined when it may be called. */
export type TargetProblem = string | undefined

/**
 * Refuses plain `http:` and hosts that are or resolve to private addresses, unless `allowPrivate`
 * (`CAIRN_WEBHOOK_ALLOW_PRIVATE=1`, for local development and the demo). Checked at registration and again before
 * every send, so a DNS answer that changes later (rebinding) cannot point a delivery inside the network.
 */
export async function checkTarget(url: string, allowPrivate: boolean): Promise<TargetProblem> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'must be an absolute URL'
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be an https URL'
  if (parsed.username || parsed.password) return 'must not carry credentials'
  if (allowPrivate) return undefined
  if (parsed.protocol !== 'https:') return 'must be an https URL (plain http is allowed only with CAIRN_WEBHOOK_ALLOW_PRIVATE=1)'
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  let addresses: string[]
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address)
  } catch {
    return `host ${host} does not resolve`
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    return 'must not point to a loopback or private address (allowed only with CAIRN_WEBHOOK_ALLOW_PRIVATE=1)'
  }
  return undefined
}
