import { AccountHistory, createIncrementalEvaluator, type CairnEvent, type IncrementalEvaluator, type Program, type Subject } from '../../core'
import { eventsForSubjects, type Queryable } from '../storage'
import { canonicalJson } from './canonical-json'
import { eventsByOwner } from './concerning-events'
import { LruCache } from './lru-cache'
import { timeSlice } from './time-slice'

/** Evaluators and account histories kept warm (each is one entry), so this bounds memory. */
export const DEFAULT_EVALUATOR_CACHE_SIZE = 5_000
/** Events held by all warm evaluators and account histories together; each event counts once. */
export const DEFAULT_EVALUATOR_CACHE_EVENTS = 1_000_000

/** How many warm evaluators and histories are kept: at most `entries`, holding at most `events` events in total. */
export interface EvaluatorCacheLimits {
  entries: number
  events: number
}

/**
 * A warm evaluator is valid while nobody else wrote the user's progress since: `version` is the stored
 * version it was built or last written at. Another process writing bumps the version, forcing a rebuild.
 */
interface MemberEntry {
  kind: 'member'
  evaluator: IncrementalEvaluator
  subjectKey: string
  version: number
  /** The program version it evaluates; another active version means a rebuild. */
  program: Program
  /** The account history it reads: valid only while that is still the account's cached history. */
  history: AccountHistory | undefined
}

/**
 * An account's events, held once for all its members' evaluators. Holds stored events only: a transaction that
 * rolls back drops it (and so every member reading it); a member rebuilt from storage adds what it lacks.
 */
interface AccountEntry {
  kind: 'account'
  history: AccountHistory
  /** Members whose cached evaluator reads it: forgotten with it. */
  members: Set<string>
}

type CacheEntry = MemberEntry | AccountEntry

/** An evaluator for one subject, and whether it was just built from storage (then it holds every stored event). */
export interface WarmEvaluator {
  evaluator: IncrementalEvaluator
  fresh: boolean
  history: AccountHistory | undefined
}

/** Warm incremental evaluators per user and event histories per account, in one LRU bounded by events held. */
export interface EvaluatorCache {
  /**
   * Evaluators for every subject: warm ones as they are, the rest built from their `prefetched` events (a user's own
   * and their account's, read with the rest of a progress read), or from one query over stored events.
   */
  evaluatorsFor(
    q: Queryable,
    program: Program,
    subjects: readonly { subject: Subject; version: number }[],
    programOf: (userId: string) => Program,
    prefetched?: ReadonlyMap<string, readonly CairnEvent[]>,
  ): Promise<Map<string, WarmEvaluator>>
  /** The stored version a warm evaluator of the user under `program` was kept at, if one is kept. */
  warmVersion(userId: string, program: Program): number | undefined
  /**
   * Adds each event to its account's history, once: the histories these evaluators read and any other warm one,
   * so a history stays whole though none of its members is recomputed. Returns the accounts whose history it used.
   */
  storeOnce(events: readonly CairnEvent[], evaluators: Iterable<WarmEvaluator>): Set<string>
  /** Keeps a member's evaluator warm at `version` (after commit: set again after it or its history grew). */
  keep(subject: Subject, evaluator: IncrementalEvaluator, version: number, program: Program, history: AccountHistory | undefined): void
  /** Forgets the users' evaluators and the accounts' histories with every evaluator reading them (after a rollback). */
  forget(userIds: Iterable<string>, accountIds: Iterable<string>): void
}

const memberKey = (userId: string) => `user:${userId}`
const accountKey = (accountId: string) => `account:${accountId}`

export function createEvaluatorCache(limits: EvaluatorCacheLimits): EvaluatorCache {
  // Each event is counted once: by the history of its account, or by its sender's evaluator when it has none.
  const weigh = (entry: CacheEntry) => (entry.kind === 'account' ? entry.history.size : entry.evaluator.ownEvents)
  const forgetMembers = (_key: string, entry: CacheEntry) => {
    if (entry.kind === 'account') for (const userId of entry.members) cache.delete(memberKey(userId))
  }
  const cache = new LruCache<string, CacheEntry>(limits.entries, weigh, limits.events, forgetMembers)

  const accountEntry = (accountId: string): AccountEntry | undefined => {
    const entry = cache.get(accountKey(accountId))
    return entry?.kind === 'account' ? entry : undefined
  }
  const historyOf = (subject: Subject) => (subject.accountId === undefined ? undefined : accountEntry(subject.accountId)?.history)
  /** The account's cached history (a new one if none), having taken in what it lacked of `events`. */
  const historyWith = (accountId: string, events: readonly CairnEvent[]): AccountHistory => {
    // A warm history takes in what it lacks (events another process stored since); a copy it holds is skipped.
    const entry = accountEntry(accountId) ?? { kind: 'account' as const, history: AccountHistory.from(accountId), members: new Set<string>() }
    for (const event of events) entry.history.add(event)
    cache.set(accountKey(accountId), entry)
    return entry.history
  }
  const cached = (program: Program, subject: Subject, version: number): MemberEntry | undefined => {
    const entry = cache.get(memberKey(subject.userId))
    if (entry?.kind !== 'member' || entry.program !== program || entry.version !== version || entry.subjectKey !== canonicalJson(subject)) return undefined
    return entry.history === historyOf(subject) ? entry : undefined
  }

  return {
    async evaluatorsFor(q, program, subjects, programOf, prefetched) {
      const result = new Map<string, WarmEvaluator>()
      const missing: Subject[] = []
      const slice = timeSlice()
      // The history each account's cold members are built on in this call (the cache may evict it meanwhile).
      const histories = new Map<string, AccountHistory>()
      const build = (subject: Subject, owners: ReturnType<typeof eventsByOwner>, merge: boolean) => {
        cache.delete(memberKey(subject.userId))
        const account = subject.accountId
        let history = account === undefined ? undefined : histories.get(account)
        if (account !== undefined && (merge || history === undefined)) histories.set(account, (history = historyWith(account, owners.ofAccount(account))))
        const evaluator = createIncrementalEvaluator(programOf(subject.userId), subject, owners.ofUser(subject.userId), history && { account: history })
        result.set(subject.userId, { evaluator, fresh: true, history })
      }
      for (const { subject, version } of subjects) {
        const warm = cached(program, subject, version)
        const events = prefetched?.get(subject.userId)
        if (warm) result.set(subject.userId, { evaluator: warm.evaluator, fresh: false, history: warm.history })
        else if (events) {
          await slice()
          build(subject, eventsByOwner(events), true)
        } else missing.push(subject)
      }
      if (missing.length === 0) return result
      const accounts = [...new Set(missing.flatMap((s) => (s.accountId === undefined ? [] : [s.accountId])))]
      const owners = eventsByOwner(await eventsForSubjects(q, program.id, missing.map((s) => s.userId), accounts))
      const merged = new Set<string>()
      for (const subject of missing) {
        await slice()
        // One account's events are taken in once per query, however many of its members are cold.
        const account = subject.accountId
        build(subject, owners, account !== undefined && !merged.has(account))
        if (account !== undefined) merged.add(account)
      }
      return result
    },

    warmVersion(userId, program) {
      const entry = cache.get(memberKey(userId))
      if (entry?.kind !== 'member' || entry.program !== program) return undefined
      return entry.history === undefined || accountEntry(entry.history.accountId)?.history === entry.history ? entry.version : undefined
    },

    storeOnce(events, evaluators) {
      const histories = new Set<AccountHistory>()
      for (const { history } of evaluators) if (history !== undefined) histories.add(history)
      for (const event of events) {
        const warm = event.accountId === undefined ? undefined : accountEntry(event.accountId)?.history
        if (warm !== undefined) histories.add(warm)
      }
      for (const history of histories) for (const event of events) history.add(event)
      return new Set([...histories].map((history) => history.accountId))
    },

    keep(subject, evaluator, version, program, history) {
      const account = history === undefined ? undefined : accountEntry(history.accountId)
      // Its history was dropped meanwhile (a rollback elsewhere in the account): it may count what that held.
      if (history !== undefined && account?.history !== history) return cache.delete(memberKey(subject.userId))
      cache.set(memberKey(subject.userId), { kind: 'member', evaluator, subjectKey: canonicalJson(subject), version, program, history })
      if (account === undefined) return
      account.members.add(subject.userId)
      cache.set(accountKey(account.history.accountId), account)
    },

    forget(userIds, accountIds) {
      for (const userId of userIds) cache.delete(memberKey(userId))
      for (const accountId of accountIds) {
        const entry = accountEntry(accountId)
        if (entry === undefined) continue
        cache.delete(accountKey(accountId))
        forgetMembers(accountKey(accountId), entry)
      }
    },
  }
}
