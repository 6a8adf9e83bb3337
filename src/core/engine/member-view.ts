import type { CairnEvent, Subject } from '../schemas/event'
import type { AccountHistory } from './account-history'
import { EventStore, indexEvent, samePayload } from './event-store'
import type { EventIndex, IndexedEvent, Scope, SweepMemo } from './types'

/** Which cached milestone results an event made stale: those reading its name in a scope, or all. */
export interface ViewListener {
  changed(names: Iterable<string>, scope: Scope | 'both'): void
  reset(): void
}

/** The events one incremental evaluator reads, however they are held. */
export interface MemberView {
  readonly index: EventIndex
  /** Leaf sweeps for the milestones of one scope. */
  sweeps(scope: Scope): SweepMemo
  /** Stores one event; true when something this view reads changed. */
  add(event: CairnEvent): boolean
  /** Takes in what the shared history received since the last call (before every evaluation). */
  catchUp(): void
  /** Events held apart from a shared history. */
  readonly ownEvents: number
}

/**
 * Without a history: one store of every event given (the subject's own and account's buckets). With one: the
 * subject's own events in a small store of its own, the account's read from the history.
 */
export function createMemberView(subject: Subject, events: Iterable<CairnEvent>, history: AccountHistory | undefined, listener: ViewListener): MemberView {
  if (history === undefined) return aloneView(EventStore.from(subject, events), listener)
  if (history.accountId !== subject.accountId) throw new Error(`account history of ${history.accountId} given for a member of ${String(subject.accountId)}`)
  return sharedView(subject, [...events], history, listener)
}

function aloneView(store: EventStore, listener: ViewListener): MemberView {
  const memo: SweepMemo = { generation: store.generation, checkpoints: new Map() }
  return {
    index: store,
    sweeps: () => memo,
    add(event) {
      const { accepted, touched } = store.add(event)
      listener.changed(touched, 'both')
      return accepted
    },
    catchUp() {},
    get ownEvents() {
      return store.size
    },
  }
}

/** Two copies of one id that count the same. */
function sameCopy(a: IndexedEvent, b: IndexedEvent): boolean {
  return a === b || (a.ms === b.ms && samePayload(a.source, b.source))
}

/**
 * Exactly `evaluate` over (own events ∪ account events) as long as every id held on both sides is the same copy:
 * then the winner of an id is the same whichever side it is read from. When a differing copy of one id reaches
 * both sides (only possible where ids are reused with other payloads), the view folds into a private store of
 * both (the reference's dedupe) and keeps taking in the history's changes from there.
 */
function sharedView(subject: Subject, events: readonly CairnEvent[], history: AccountHistory, listener: ViewListener): MemberView {
  const { accountId } = history
  for (const event of events) history.add(event)
  /** The history's parsed copy when it is this very copy: an own account event is parsed and held once. */
  const shared = (event: CairnEvent): IndexedEvent | undefined => {
    const held = history.winner(event.id)
    return held !== undefined && samePayload(held.source, event) ? held : indexEvent(event)
  }
  let own: EventStore | undefined = EventStore.from(
    { userId: subject.userId },
    events.filter((event) => event.userId === subject.userId),
    shared,
  )
  let folded: EventStore | undefined
  let position = history.revision
  let ownMemo: SweepMemo = { generation: own.generation, checkpoints: new Map() }
  const accountMemo = history.sweeps(subject.timeZone)
  let outside = 0
  for (const event of own.events()) if (event.accountId !== accountId) outside++

  const differs = (id: string): boolean => {
    const mine = own?.winner(id)
    const theirs = history.winner(id)
    return mine !== undefined && theirs !== undefined && !sameCopy(mine, theirs)
  }
  const fold = () => {
    const store = EventStore.from(subject, [...(own?.events() ?? []), ...history.events()])
    folded = store
    own = undefined
    position = history.revision
    ownMemo = { generation: store.generation, checkpoints: new Map() }
    listener.reset()
  }
  for (const event of own.events()) {
    if (differs(event.id)) {
      fold()
      break
    }
  }

  /** Files one of the subject's own events in its own store (with the history's parsed copy when it is the same). */
  const takeOwn = (event: CairnEvent, indexed: IndexedEvent | undefined): boolean => {
    const store = own as EventStore
    const before = store.winner(event.id)
    const { accepted, touched } = store.add(event, indexed)
    if (accepted) {
      if (before !== undefined && before.accountId !== accountId) outside--
      if (event.accountId !== accountId) outside++
    }
    listener.changed(touched, 'user')
    return accepted
  }

  const index: EventIndex = {
    lookup: (scope, name) => {
      if (folded !== undefined) return folded.lookup(scope, name)
      return scope === 'user' ? (own as EventStore).lookup('user', name) : history.lookup(name)
    },
    names: (scope) => {
      if (folded !== undefined) return folded.names(scope)
      return scope === 'user' ? (own as EventStore).names('user') : history.names()
    },
  }

  return {
    index,
    sweeps: (scope) => (folded === undefined && scope === 'account' ? accountMemo : ownMemo),
    add(event) {
      // Teammates read it from the history; stored there once whoever applies it first.
      const accountChanged = history.add(event)
      if (folded !== undefined) {
        const { accepted, touched } = folded.add(event)
        listener.changed(touched, 'both')
        return accepted || accountChanged
      }
      if (event.userId !== subject.userId) return accountChanged
      const accepted = takeOwn(event, shared(event))
      if (differs(event.id)) fold()
      return accepted || accountChanged
    },
    catchUp() {
      if (position === history.revision) return
      const changes = history.changesSince(position)
      position = history.revision
      if (folded !== undefined) {
        for (const change of changes) listener.changed(folded.add(change.source).touched, 'both')
        return
      }
      for (const change of changes) {
        // The subject's own account events count in its own scope too, however they reached the history.
        if (change.userId === subject.userId) takeOwn(change.source, change)
        if (differs(change.id)) return fold()
        listener.changed([change.name], 'account')
      }
    },
    get ownEvents() {
      return folded?.size ?? outside
    },
  }
}
