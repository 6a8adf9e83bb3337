import type { CairnEvent, Program, Subject } from '../../core'
import { findEvents, insertEvents, saveSubjects, usersOfAccounts, type Storage } from '../storage'
import type { IngestResult } from '../service-types'
import { sameJson } from './canonical-json'
import type { Rejection } from './validate-events'

/**
 * What one committed batch touched: the events it stored or found already stored (a retry after a crash
 * between commit and recomputation heals that way), and who may need new progress.
 */
export interface StoredBatch {
  result: IngestResult
  touched: CairnEvent[]
  affectedUsers: string[]
}

const conflict = (index: number): Rejection => ({
  index,
  error: { code: 'conflict', message: 'an event with this id was already received with a different payload' },
})

/**
 * Stores already-validated events in one transaction. Same id and payload as a stored (or earlier in the batch)
 * event → a duplicate; same id, different payload → a conflict. A user seen for the first time gets a
 * provisional subject (signed up at their first event) until the host upserts the real one. The transaction
 * keeps no state outside itself, so storage may run it again after a deadlock.
 */
export async function storeBatch(
  storage: Storage,
  program: Program,
  valid: readonly { index: number; event: CairnEvent }[],
  rejected: readonly Rejection[],
  /** Whether a teammate's event of this name can change a member's progress (`accountEventReader` from core). */
  teamReads: (name: string) => boolean,
): Promise<StoredBatch> {
  let inBatchDuplicates = 0
  const inBatchConflicts: Rejection[] = []
  const firstById = new Map<string, { index: number; event: CairnEvent }>()
  const candidates: { index: number; event: CairnEvent }[] = []
  for (const item of valid) {
    const earlier = firstById.get(item.event.id)
    if (!earlier) {
      firstById.set(item.event.id, item)
      candidates.push(item)
    } else if (sameJson(earlier.event, item.event)) inBatchDuplicates++
    else inBatchConflicts.push(conflict(item.index))
  }

  return storage.transaction(async (tx) => {
    let duplicates = inBatchDuplicates
    const refused = [...rejected, ...inBatchConflicts]
    // Insert first: a fresh batch (the usual one) costs one statement; only ids already stored — by an earlier batch or
    // by another writer racing this one — are read back, to tell a duplicate from a conflict.
    const insertedIds = await insertEvents(tx, program.id, candidates.map((c) => c.event))
    const existing = await findEvents(tx, program.id, candidates.filter((c) => !insertedIds.has(c.event.id)).map((c) => c.event.id))
    const touched: CairnEvent[] = []
    for (const { index, event } of candidates) {
      const stored = existing.get(event.id)
      if (insertedIds.has(event.id)) touched.push(event)
      else if (stored && sameJson(stored, event)) {
        duplicates++
        touched.push(event)
      } else refused.push(conflict(index))
    }
    const inserted = touched.filter((e) => insertedIds.has(e.id))
    await saveSubjects(tx, program.id, provisionalSubjects(inserted), true)

    const users = new Set(touched.map((e) => e.userId))
    // Teammates only where an account-unit rule reads the event: the rest of an account's events leave their progress
    // exactly as it was (proven in core), so they are neither recomputed nor rewritten nor told.
    const accounts = [...new Set(touched.flatMap((e) => (e.accountId === undefined || !teamReads(e.name) ? [] : [e.accountId])))]
    if (accounts.length > 0) for (const peer of await usersOfAccounts(tx, program.id, accounts)) users.add(peer)
    refused.sort((a, b) => a.index - b.index)
    return { result: { accepted: inserted.length, duplicates, rejected: refused }, touched, affectedUsers: [...users] }
  })
}

/** A subject per unseen user: signed up at their earliest event, in the account their first event names. */
function provisionalSubjects(events: readonly CairnEvent[]): Subject[] {
  const byUser = new Map<string, Subject>()
  for (const event of events) {
    const known = byUser.get(event.userId)
    if (!known) {
      byUser.set(event.userId, { userId: event.userId, signedUpAt: event.timestamp, ...(event.accountId ? { accountId: event.accountId } : {}) })
      continue
    }
    if (Date.parse(event.timestamp) < Date.parse(known.signedUpAt)) known.signedUpAt = event.timestamp
    if (known.accountId === undefined && event.accountId !== undefined) known.accountId = event.accountId
  }
  return [...byUser.values()]
}
