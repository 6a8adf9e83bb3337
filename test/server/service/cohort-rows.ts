import type { Progress, Subject } from '../../../src/core'
import { saveSubjects, writeProgress, type Storage } from '../../../src/server/storage'

/**
 * Stores `count` subjects with progress under `programId` (signups over 90 days before `now`, plans free/team): users
 * from `achievedFrom` on, except every third, achieved `first-project` within hours of signing up.
 */
export async function seedCohort(storage: Storage, programId: string, now: Date, count: number, options: { achievedFrom?: number; accounts?: number } = {}): Promise<void> {
  const { achievedFrom = 0, accounts = 400 } = options
  const subjects: Subject[] = Array.from({ length: count }, (_, i) => ({
    userId: `user-${String(i).padStart(5, '0')}`,
    accountId: `account-${i % accounts}`,
    signedUpAt: new Date(now.getTime() - (i % 90) * 86_400_000).toISOString(),
    traits: { plan: ['free', 'team'][i % 2]! },
  }))
  await saveSubjects(storage, programId, subjects)
  await writeProgress(
    storage,
    programId,
    subjects.map((subject, i) => {
      const achieved = i >= achievedFrom && i % 3 !== 0
      const progress: Progress = {
        programId, programVersion: '1', evaluatedAt: now.toISOString(), levels: [], badges: [], unlockedFeatures: [], nextSteps: [],
        milestones: {
          'first-project': achieved
            ? { state: 'achieved', current: 1, target: 1, achievedAt: new Date(Date.parse(subject.signedUpAt) + (i % 11) * 3_600_000).toISOString() }
            : { state: 'available', current: 0, target: 1 },
        },
      }
      return { userId: subject.userId, snapshot: progress, version: 1 }
    }),
  )
}

/**
 * The real storage, plus a probe armed as each query's rows come back: `setImmediate` queued at that moment runs
 * only if the caller gives the event loop a turn before it finishes what it does with those rows.
 */
export function probed(storage: Storage): { storage: Storage; probes: { ran: boolean; rows: number }[] } {
  const probes: { ran: boolean; rows: number }[] = []
  const query: Storage['query'] = async (sql, params) => {
    const rows = await storage.query(sql, params)
    const probe = { ran: false, rows: rows.length }
    probes.push(probe)
    setImmediate(() => (probe.ran = true))
    return rows as never
  }
  return { storage: { ...storage, query, transaction: (fn) => storage.transaction(fn), close: () => storage.close() }, probes }
}
