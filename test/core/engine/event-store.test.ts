import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CairnEvent } from '../../../src/core'
import { EventStore, type EventOwner } from '../../../src/core/engine/event-store'
import type { Scope } from '../../../src/core/engine/types'
import { eventStreams } from './arbitraries'

const owners: fc.Arbitrary<EventOwner> = fc.constantFrom({ userId: 'u1', accountId: 'acme' }, { userId: 'u1' }, { accountId: 'acme' })

/** Everything a store answers: the counting copy of each id, size, and every bucket in order (one emptied by a replaced copy reads as absent). */
function contents(store: EventStore, ids: readonly string[]) {
  const buckets = (scope: Scope) =>
    Object.fromEntries(
      [...store.names(scope)]
        .filter((name) => store.lookup(scope, name).length > 0)
        .sort()
        .map((name) => [name, store.lookup(scope, name).map((event) => [event.id, event.ms, event.source])]),
    )
  return {
    size: store.size,
    winners: ids.map((id) => store.winner(id)?.source),
    user: buckets('user'),
    account: buckets('account'),
    events: [...store.events()],
  }
}

describe('EventStore.from (bulk load)', () => {
  it('holds what adding the events one by one holds, wherever a repeated id first appears', () => {
    // Streams repeat ids often (40 ids); copies with other timestamps, names or owners meet at any position, and a
    // stream of distinct ids takes the bulk load's one-`set`-per-event path throughout.
    fc.assert(
      fc.property(owners, eventStreams, fc.nat({ max: 30 }), (owner, list, at) => {
        const withCopy: CairnEvent[] = list.length === 0 ? list : [...list.slice(0, at), { ...list[at % list.length]! }, ...list.slice(at)]
        for (const stream of [list, withCopy, [...new Map(list.map((event) => [event.id, event])).values()]]) {
          const added = new EventStore(owner)
          for (const event of stream) added.add(event)
          const ids = [...new Set(stream.map((event) => event.id))]
          const bulk = contents(EventStore.from(owner, stream), ids)
          const oneByOne = contents(added, ids)
          // The bulk load keeps first-seen order of ids; one by one, a replaced copy keeps its id's place too.
          expect(bulk).toEqual(oneByOne)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('keeps the earliest copy when a repeated id comes after many distinct ones', () => {
    const events: CairnEvent[] = Array.from({ length: 50 }, (_, i) => ({ id: `e${i}`, name: 'a', userId: 'u1', timestamp: new Date(Date.UTC(2026, 0, 1, i)).toISOString() }))
    const earlier: CairnEvent = { id: 'e7', name: 'b', userId: 'u1', timestamp: '2025-12-31T00:00:00.000Z' }
    const later: CairnEvent = { id: 'e9', name: 'b', userId: 'u1', timestamp: '2026-02-01T00:00:00.000Z' }
    const store = EventStore.from({ userId: 'u1' }, [...events, earlier, later])
    expect(store.size).toBe(50)
    expect(store.winner('e7')?.source).toBe(earlier)
    expect(store.winner('e9')?.source).toBe(events[9])
    expect(store.lookup('user', 'b').map((event) => event.id)).toEqual(['e7'])
    expect(store.lookup('user', 'a')).toHaveLength(49)
  })
})
