import type { CairnEvent } from '../../../src/core'

const HOUR_MS = 60 * 60 * 1000

/** Builds events with readable defaults: `n` events named `name` for `userId`, an hour apart, ending before `end`. */
export function eventsFor(
  userId: string,
  name: string,
  n: number,
  options: { accountId?: string; end: Date; idPrefix?: string; properties?: (i: number) => CairnEvent['properties'] },
): CairnEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${options.idPrefix ?? `${userId}-${name}`}-${i}`,
    name,
    userId,
    ...(options.accountId ? { accountId: options.accountId } : {}),
    timestamp: new Date(options.end.getTime() - (n - i) * HOUR_MS).toISOString(),
    ...(options.properties ? { properties: options.properties(i) } : {}),
  }))
}
