import type { Where } from '../schemas/program'
import type { IndexedEvent } from './types'

type Scalar = string | number | boolean

/**
 * Reads a property the way `where`, `sum` and `distinct` see it: `userId` and `accountId` come from the
 * event's top-level fields, everything else from `properties`. Only own keys count, so a property named
 * `constructor` or `__proto__` is never mistaken for something inherited.
 */
export function readProperty(event: IndexedEvent, property: string): Scalar | undefined {
  if (property === 'userId') return event.userId
  if (property === 'accountId') return event.accountId
  const properties = event.properties
  if (properties === undefined || !Object.hasOwn(properties, property)) return undefined
  return properties[property]
}

/** True when the event satisfies every condition of `where`; a missing property never matches. */
export function matchesWhere(event: IndexedEvent, where: Where | undefined): boolean {
  if (where === undefined) return true
  for (const property of Object.keys(where)) {
    const condition = where[property]
    const value = readProperty(event, property)
    if (value === undefined || condition === undefined) return false
    if (typeof condition !== 'object') {
      if (value !== condition) return false
      continue
    }
    if (condition.gte !== undefined && !(typeof value === 'number' && value >= condition.gte)) return false
    if (condition.lte !== undefined && !(typeof value === 'number' && value <= condition.lte)) return false
    if (condition.in !== undefined && !condition.in.some((allowed) => allowed === value)) return false
  }
  return true
}
