import type { CairnEvent, Subject } from '../schemas/event'
import type { IndexedEvent, Scope } from './types'

const NO_EVENTS: readonly IndexedEvent[] = []

/** Total order on events: time, then id (ids are unique after dedupe), so float sums never depend on input order. */
export function compareEvents(a: IndexedEvent, b: IndexedEvent): number {
  if (a.ms !== b.ms) return a.ms - b.ms
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Parses an event once; undefined when its timestamp cannot be read (such an event can never count). */
export function indexEvent(event: CairnEvent): IndexedEvent | undefined {
  const ms = Date.parse(event.timestamp)
  if (Number.isNaN(ms)) return undefined
  return { id: event.id, name: event.name, userId: event.userId, accountId: event.accountId, ms, properties: event.properties, source: event }
}

/**
 * Of two copies of one id, the one that counts: the earliest timestamp; equal timestamps are settled by
 * the canonical payload text (computed only then: it is rare and costly), so input order never matters.
 */
export function winsOver(candidate: IndexedEvent, incumbent: IndexedEvent): boolean {
  if (candidate.ms !== incumbent.ms) return candidate.ms < incumbent.ms
  return payloadKey(candidate.source) < payloadKey(incumbent.source)
}

function payloadKey(event: CairnEvent): string {
  const properties = event.properties ?? {}
  const sorted = Object.keys(properties)
    .sort()
    .map((key) => [key, properties[key]])
  return JSON.stringify([event.name, event.userId, event.accountId ?? null, event.timestamp, sorted])
}

/** Which of the subject's scopes an event belongs to (an account event of the subject's own user is in both). */
function scopesOf(event: IndexedEvent, subject: Subject): Scope[] {
  const scopes: Scope[] = []
  if (event.userId === subject.userId) scopes.push('user')
  if (subject.accountId !== undefined && event.accountId === subject.accountId) scopes.push('account')
  return scopes
}

/**
 * The deduplicated events of one subject, bucketed by scope and event name and kept sorted.
 * `evaluate` builds one in bulk; the incremental evaluator keeps one alive and adds to it.
 */
export class EventStore {
  private readonly winners = new Map<string, IndexedEvent>()
  private readonly buckets: Record<Scope, Map<string, IndexedEvent[]>> = { user: new Map(), account: new Map() }

  constructor(private readonly subject: Subject) {}

  /** Bulk load: dedupe first, then sort each bucket once (O(n log n) whatever the input order). */
  static from(subject: Subject, events: Iterable<CairnEvent>): EventStore {
    const store = new EventStore(subject)
    for (const event of events) store.keepWinner(event)
    for (const event of store.winners.values()) {
      for (const scope of scopesOf(event, subject)) store.bucket(scope, event.name).push(event)
    }
    for (const scope of ['user', 'account'] as const) {
      for (const list of store.buckets[scope].values()) list.sort(compareEvents)
    }
    return store
  }

  /** Event names seen in one scope: "any event" rules (inactivity, usage drop) read every bucket. */
  readonly names = (scope: Scope): Iterable<string> => this.buckets[scope].keys()

  /** Sorted events of one scope and name (never mutate the result). */
  readonly lookup = (scope: Scope, name: string): readonly IndexedEvent[] => this.buckets[scope].get(name) ?? NO_EVENTS

  /**
   * Adds one event. `accepted` is false when it was ignored (it loses to the copy of its id already held);
   * `touched` names the buckets that changed: none for someone else's event, two when an earlier copy of
   * an id replaces one with another name.
   */
  add(event: CairnEvent): { accepted: boolean; touched: string[] } {
    const previous = this.winners.get(event.id)
    const indexed = this.keepWinner(event)
    if (indexed === undefined) return { accepted: false, touched: [] }
    const touched = new Set<string>()
    if (previous !== undefined) {
      for (const scope of scopesOf(previous, this.subject)) {
        removeSorted(this.bucket(scope, previous.name), previous)
        touched.add(previous.name)
      }
    }
    for (const scope of scopesOf(indexed, this.subject)) {
      insertSorted(this.bucket(scope, indexed.name), indexed)
      touched.add(indexed.name)
    }
    return { accepted: true, touched: [...touched] }
  }

  /** Records the event as its id's winner when it beats the copy held; returns it only then. */
  private keepWinner(event: CairnEvent): IndexedEvent | undefined {
    const indexed = indexEvent(event)
    if (indexed === undefined) return undefined
    const incumbent = this.winners.get(indexed.id)
    if (incumbent !== undefined && !winsOver(indexed, incumbent)) return undefined
    this.winners.set(indexed.id, indexed)
    return indexed
  }

  private bucket(scope: Scope, name: string): IndexedEvent[] {
    let list = this.buckets[scope].get(name)
    if (list === undefined) {
      list = []
      this.buckets[scope].set(name, list)
    }
    return list
  }
}

/** Index of the first element that sorts after `event` (events mostly arrive in time order: this is then the end). */
function upperBound(list: readonly IndexedEvent[], event: IndexedEvent): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (compareEvents(list[mid] as IndexedEvent, event) <= 0) low = mid + 1
    else high = mid
  }
  return low
}

function insertSorted(list: IndexedEvent[], event: IndexedEvent): void {
  list.splice(upperBound(list, event), 0, event)
}

function removeSorted(list: IndexedEvent[], event: IndexedEvent): void {
  const index = list.lastIndexOf(event, upperBound(list, event) - 1)
  if (index >= 0) list.splice(index, 1)
}
