import type { CairnEvent } from '../schemas/event'
import { compareEvents, sortEvents } from './sort-events'
import type { IndexedEvent, Scope } from './types'

const NO_EVENTS: readonly IndexedEvent[] = []

export { compareEvents }

/** Where a parsed time is split: both parts of any time a Date holds (±8.64e15 ms) stay within ±2^31. */
const TIME_SPLIT = 2 ** 30

/**
 * An event with its timestamp parsed: the event as received and its time, the rest read through from the event.
 * A store holds one per event, so copying five more references into each (as a plain object did) cost 40 bytes
 * an event and the time to write them at every bulk load.
 */
class ParsedEvent implements IndexedEvent {
  // The time in two small integers: V8 keeps each in the object itself, where one epoch number (beyond 2^31) would
  // be a separate heap box — a second object per event for the collector to copy at every bulk load.
  private readonly high: number
  private readonly low: number

  constructor(
    readonly source: CairnEvent,
    ms: number,
  ) {
    this.high = Math.floor(ms / TIME_SPLIT)
    this.low = ms - this.high * TIME_SPLIT
  }

  get ms(): number {
    return this.high * TIME_SPLIT + this.low
  }

  get id(): string {
    return this.source.id
  }

  get name(): string {
    return this.source.name
  }

  get userId(): string {
    return this.source.userId
  }

  get accountId(): string | undefined {
    return this.source.accountId
  }

  get properties(): IndexedEvent['properties'] {
    return this.source.properties
  }
}

/** Parses an event once; undefined when its timestamp cannot be read (such an event can never count). */
export function indexEvent(event: CairnEvent): IndexedEvent | undefined {
  const ms = Date.parse(event.timestamp)
  if (Number.isNaN(ms)) return undefined
  return new ParsedEvent(event, ms)
}

/**
 * Of two copies of one id, the one that counts: the earliest timestamp; equal timestamps are settled by
 * the canonical payload text (computed only then: it is rare and costly), so input order never matters.
 */
export function winsOver(candidate: IndexedEvent, incumbent: IndexedEvent): boolean {
  if (candidate.ms !== incumbent.ms) return candidate.ms < incumbent.ms
  if (samePayload(candidate.source, incumbent.source)) return false
  return payloadKey(candidate.source) < payloadKey(incumbent.source)
}

/** Two copies of one id that count the same (name, user, account, timestamp and properties): cheap, no text built. */
export function samePayload(a: CairnEvent, b: CairnEvent): boolean {
  if (a === b) return true
  if (a.name !== b.name || a.userId !== b.userId || a.accountId !== b.accountId || a.timestamp !== b.timestamp) return false
  const left = a.properties ?? {}
  const right = b.properties ?? {}
  const keys = Object.keys(left)
  if (keys.length !== Object.keys(right).length) return false
  return keys.every((key) => Object.hasOwn(right, key) && left[key] === right[key])
}

function payloadKey(event: CairnEvent): string {
  const properties = event.properties ?? {}
  const sorted = Object.keys(properties)
    .sort()
    .map((key) => [key, properties[key]])
  return JSON.stringify([event.name, event.userId, event.accountId ?? null, event.timestamp, sorted])
}

/**
 * Whose events a store files: a subject (its own events in scope `user`, its account's in scope `account`), one
 * user only (`{ userId }`, a member's own events beside a shared account history), or one account (`{ accountId }`).
 */
export interface EventOwner {
  readonly userId?: string | undefined
  readonly accountId?: string | undefined
}

/** Which of the owner's scopes an event belongs to (an account event of the subject's own user is in both). */
function scopesOf(event: IndexedEvent, owner: EventOwner): Scope[] {
  const scopes: Scope[] = []
  if (owner.userId !== undefined && event.userId === owner.userId) scopes.push('user')
  if (owner.accountId !== undefined && event.accountId === owner.accountId) scopes.push('account')
  return scopes
}

/**
 * The deduplicated events of one subject, bucketed by scope and event name and kept sorted.
 * `evaluate` builds one in bulk; the incremental evaluator keeps one alive and adds to it.
 */
export class EventStore {
  private readonly winners = new Map<string, IndexedEvent>()
  private readonly buckets: Record<Scope, Map<string, IndexedEvent[]>> = { user: new Map(), account: new Map() }
  /** Per bucket: bumped when an event lands anywhere but its end, or leaves it (resumed sweeps start over then). */
  private readonly generations = new WeakMap<readonly IndexedEvent[], number>()

  constructor(private readonly owner: EventOwner) {}

  /** Bulk load: dedupe first, then order each bucket once (linear for sorted input, a radix sort otherwise). */
  static from(owner: EventOwner, events: Iterable<CairnEvent>, index: (event: CairnEvent) => IndexedEvent | undefined = indexEvent): EventStore {
    const store = new EventStore(owner)
    const { winners } = store
    // Ids are nearly always distinct: one `set` per event, and a size that did not grow reveals a repeated id
    // (a lookup before every `set` was a second hash probe per event). The first repeat settles every id so far
    // by `winsOver` instead, from `unique`, and the rest of the load goes that careful way.
    const unique: IndexedEvent[] = []
    let careful = false
    for (const event of events) {
      const indexed = index(event)
      if (indexed === undefined) continue
      if (!careful) {
        winners.set(indexed.id, indexed)
        if (winners.size > unique.length) {
          unique.push(indexed)
          continue
        }
        careful = true
        winners.clear()
        for (const earlier of unique) winners.set(earlier.id, earlier)
      }
      store.keepWinner(indexed)
    }
    store.file(careful ? winners.values() : unique)
    return store
  }

  /** Files winners into their buckets, then orders each bucket once. */
  private file(winners: Iterable<IndexedEvent>): void {
    const { user, account } = this.buckets
    const { userId, accountId } = this.owner
    for (const event of winners) {
      // Inline scopesOf: one array per event is a million short-lived arrays at 1M events.
      if (userId !== undefined && event.userId === userId) bucketOf(user, event.name).push(event)
      if (accountId !== undefined && event.accountId === accountId) bucketOf(account, event.name).push(event)
    }
    for (const buckets of [user, account]) {
      for (const [name, list] of buckets) buckets.set(name, sortEvents(list))
    }
  }

  /** The bucket's generation: equal between two reads when it was only appended to in between. */
  readonly generation = (list: readonly IndexedEvent[]): number => this.generations.get(list) ?? 0

  /** Event names seen in one scope: "any event" rules (inactivity, usage drop) read every bucket. */
  readonly names = (scope: Scope): Iterable<string> => this.buckets[scope].keys()

  /** The copy of `id` that counts, if any was added. */
  winner(id: string): IndexedEvent | undefined {
    return this.winners.get(id)
  }

  /** Distinct event ids held (every copy added, filed or not: callers add only events the owner files). */
  get size(): number {
    return this.winners.size
  }

  /** The counting copy of every id held, as received. */
  *events(): Generator<CairnEvent, void, undefined> {
    for (const event of this.winners.values()) yield event.source
  }

  /** Sorted events of one scope and name (never mutate the result). */
  readonly lookup = (scope: Scope, name: string): readonly IndexedEvent[] => this.buckets[scope].get(name) ?? NO_EVENTS

  /**
   * Adds one event. `accepted` is false when it was ignored (it loses to the copy of its id already held);
   * `touched` names the buckets that changed: none for someone else's event, two when an earlier copy of
   * an id replaces one with another name. `indexed` lets stores share one parsed copy of an event.
   */
  add(event: CairnEvent, indexed: IndexedEvent | undefined = indexEvent(event)): { accepted: boolean; touched: string[] } {
    const previous = this.winners.get(event.id)
    const kept = this.keepWinner(indexed)
    if (kept === undefined) return { accepted: false, touched: [] }
    const touched = new Set<string>()
    if (previous !== undefined) {
      for (const scope of scopesOf(previous, this.owner)) {
        const list = this.bucket(scope, previous.name)
        removeSorted(list, previous)
        this.bump(list)
        touched.add(previous.name)
      }
    }
    for (const scope of scopesOf(kept, this.owner)) {
      const list = this.bucket(scope, kept.name)
      if (!insertSorted(list, kept)) this.bump(list)
      touched.add(kept.name)
    }
    return { accepted: true, touched: [...touched] }
  }

  /** Records the event as its id's winner when it beats the copy held; returns it only then. */
  private keepWinner(indexed: IndexedEvent | undefined): IndexedEvent | undefined {
    if (indexed === undefined) return undefined
    const incumbent = this.winners.get(indexed.id)
    if (incumbent !== undefined && !winsOver(indexed, incumbent)) return undefined
    this.winners.set(indexed.id, indexed)
    return indexed
  }

  private bump(list: readonly IndexedEvent[]): void {
    this.generations.set(list, this.generation(list) + 1)
  }

  private bucket(scope: Scope, name: string): IndexedEvent[] {
    return bucketOf(this.buckets[scope], name)
  }
}

function bucketOf(buckets: Map<string, IndexedEvent[]>, name: string): IndexedEvent[] {
  let list = buckets.get(name)
  if (list === undefined) {
    list = []
    buckets.set(name, list)
  }
  return list
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

/** Inserts in order; true when the event went to the end (the bucket was only appended to). */
function insertSorted(list: IndexedEvent[], event: IndexedEvent): boolean {
  const index = upperBound(list, event)
  if (index === list.length) {
    list.push(event)
    return true
  }
  list.splice(index, 0, event)
  return false
}

function removeSorted(list: IndexedEvent[], event: IndexedEvent): void {
  const index = list.lastIndexOf(event, upperBound(list, event) - 1)
  if (index >= 0) list.splice(index, 1)
}
