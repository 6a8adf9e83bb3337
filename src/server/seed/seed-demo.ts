import type { CairnEvent } from '../../core'
import { hasSubjects, markAllCelebrationsSeen, saveSubjects, type Storage } from '../storage'
import type { CairnService } from '../service-types'
import { generateCohort, type SeedAccount } from './cohort'
import { withHoldoutEffect } from './holdout-effect'
import { personaAccounts } from './personas'

/** The API's batch limit; seeding uses the same path as real traffic. */
const MAX_BATCH = 1_000

/** How much demo data to create, and when "now" is. */
export interface SeedOptions {
  /** Synthetic accounts besides the personas. @default 300 */
  accounts?: number
  /** PRNG seed. @default 42 */
  seed?: number
  /** Everything is placed relative to this moment. @default new Date() */
  now?: Date
  /**
   * Mark the seeded celebrations seen, so demo users start calm and the next real achievement is the one
   * that celebrates. @default true
   */
  acknowledgeCelebrations?: boolean
  /** Called after each ingested batch (the CLI prints progress). */
  onProgress?: (done: { accounts: number; events: number }) => void
}

/** What `seedDemo` created. */
export interface SeedSummary {
  accounts: number
  users: number
  events: number
  rejected: number
}

/**
 * Fills an empty installation with the demo personas and a synthetic cohort, so benchmarks are real.
 * Subjects are written in bulk; events go through `service.ingest` in batches (one account never split).
 */
export async function seedDemo(target: { service: CairnService; storage: Storage }, options: SeedOptions = {}): Promise<SeedSummary> {
  const { service, storage } = target
  const programId = service.program.id
  const now = options.now ?? new Date()
  // With an experiment the synthetic holdout acts a little less (personas are always in treatment).
  const cohort = withHoldoutEffect(generateCohort({ now, ...pick(options, 'accounts', 'seed') }), service.program.experiment)
  const accounts = [...personaAccounts(now), ...cohort]
  const userIds = accounts.flatMap((a) => a.subjects.map((s) => s.userId))
  await saveSubjects(storage, programId, accounts.flatMap((a) => a.subjects))

  const summary: SeedSummary = { accounts: accounts.length, users: userIds.length, events: 0, rejected: 0 }
  let done = 0
  for (const batch of batches(accounts)) {
    const result = await service.ingest(batch.events, { now })
    summary.events += result.accepted + result.duplicates
    summary.rejected += result.rejected.length
    done += batch.accounts
    options.onProgress?.({ accounts: done, events: summary.events })
  }
  // Someone who has done nothing yet still has progress (and a next change: inactivity comes due), so the
  // scheduler and the insights see them; events gave everyone else theirs.
  const active = new Set(accounts.flatMap((a) => a.events.map((e) => e.userId)))
  for (const { userId, ...body } of accounts.flatMap((a) => a.subjects)) {
    if (!active.has(userId)) await service.upsertSubject(userId, body, { now })
  }
  if (options.acknowledgeCelebrations ?? true) await markAllCelebrationsSeen(storage, programId, userIds)
  return summary
}

/** Whether this program already has users (then the server skips seeding). */
export function isSeeded(storage: Storage, programId: string): Promise<boolean> {
  return hasSubjects(storage, programId)
}

/** Packs whole accounts into batches of at most MAX_BATCH events. */
function* batches(accounts: readonly SeedAccount[]): Generator<{ events: CairnEvent[]; accounts: number }> {
  let events: CairnEvent[] = []
  let count = 0
  for (const account of accounts) {
    if (events.length > 0 && events.length + account.events.length > MAX_BATCH) {
      yield { events, accounts: count }
      events = []
      count = 0
    }
    for (let i = 0; i < account.events.length; i += MAX_BATCH) {
      const slice = account.events.slice(i, i + MAX_BATCH)
      if (events.length > 0 && events.length + slice.length > MAX_BATCH) {
        yield { events, accounts: count }
        events = []
        count = 0
      }
      events.push(...slice)
    }
    count++
  }
  if (events.length > 0 || count > 0) yield { events, accounts: count }
}

function pick<T extends object, K extends keyof T>(source: T, ...keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]])) as Partial<Pick<T, K>>
}
