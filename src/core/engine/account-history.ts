import type { CairnEvent } from '../schemas/event'
import { EventStore, samePayload } from './event-store'
import type { IndexedEvent, SweepMemo } from './types'

/**
 * One account's events (every event whose `accountId` is the account's, whoever sent it), held once and read by
 * the incremental evaluator of every member for their account-unit milestones, signals and suppression.
 *
 * Members learn what changed from an append-only change list: each accepted copy, and the copy it replaced, in
 * order. A member keeps its position in that list and catches up before it evaluates, so an event added once —
 * through any member's `apply`, or by whoever owns the history — reaches all of them. Leaf sweeps over its buckets
 * are kept here too, one set per time zone (a `days` leaf's keys are local dates), so members continue one sweep
 * instead of each keeping a copy of what it collected.
 */
export class AccountHistory {
  private readonly store: EventStore
  private readonly changes: IndexedEvent[] = []
  private readonly memos = new Map<string, SweepMemo>()

  private constructor(
    /** The account whose events it holds. */
    readonly accountId: string,
    events: Iterable<CairnEvent>,
  ) {
    this.store = EventStore.from({ accountId }, onlyAccount(accountId, events))
  }

  /** A history holding the given events of `accountId` (others are ignored; duplicates count once). */
  static from(accountId: string, events: Iterable<CairnEvent> = []): AccountHistory {
    return new AccountHistory(accountId, events)
  }

  /** Adds one event; true when it is now held (new, or an earlier copy of a held id). Other accounts' events are ignored. */
  add(event: CairnEvent): boolean {
    if (event.accountId !== this.accountId) return false
    const previous = this.store.winner(event.id)
    // The copy already held (a reload, or a second member applying it): nothing to parse or file.
    if (previous !== undefined && samePayload(previous.source, event)) return false
    const { accepted } = this.store.add(event)
    if (!accepted) return false
    if (previous !== undefined) this.changes.push(previous)
    this.changes.push(this.store.winner(event.id) as IndexedEvent)
    return true
  }

  /** Events held (distinct ids): what a cache of histories is bounded by. */
  get size(): number {
    return this.store.size
  }

  /** Position after the latest change; a member that has read up to here is up to date. */
  get revision(): number {
    return this.changes.length
  }

  /** Copies added or replaced since `revision` (a position this history gave out), oldest first. */
  changesSince(revision: number): readonly IndexedEvent[] {
    return this.changes.slice(revision)
  }

  /** The copy of `id` that counts for the account, if held. */
  winner(id: string): IndexedEvent | undefined {
    return this.store.winner(id)
  }

  /** The counting copy of every event held, as received. */
  events(): Iterable<CairnEvent> {
    return this.store.events()
  }

  /** Sorted events of one name (never mutate the result). */
  readonly lookup = (name: string): readonly IndexedEvent[] => this.store.lookup('account', name)

  /** Event names held: "any event" rules read every bucket. */
  readonly names = (): Iterable<string> => this.store.names('account')

  /** Leaf sweeps over this history's buckets, shared by the members evaluated in one time zone. */
  sweeps(timeZone: string | undefined): SweepMemo {
    const key = timeZone ?? ''
    let memo = this.memos.get(key)
    if (memo === undefined) {
      // Keyed by criterion node, weakly: a replaced program's nodes leave with it.
      memo = { generation: this.store.generation, checkpoints: new WeakMap() }
      this.memos.set(key, memo)
    }
    return memo
  }
}

function* onlyAccount(accountId: string, events: Iterable<CairnEvent>): Generator<CairnEvent, void, undefined> {
  for (const event of events) if (event.accountId === accountId) yield event
}
