import { claimDueSubjects, earliestScheduledChange, type Storage } from '../storage'
import type { ProgressKeeper } from './progress-keeper'

/** How the scheduler waits. */
export interface SchedulerOptions {
  /**
   * Longest sleep between looks at the schedule. Changes written by this process wake it early; this bound
   * covers the rest (a process that died between claiming and recomputing, clock corrections). @default 300000
   */
  maxSleepMs?: number
  /** Subjects recomputed per transaction. @default 200 */
  batchSize?: number
  /** How long a claimed subject is left to this process before another may take it. @default 120000 */
  leaseMs?: number
}

/** Recomputes subjects whose progress changes with time alone (tenure, inactivity, windows), when it is due. */
export interface Scheduler {
  /** A subject now changes at `at`: wake then if that is earlier than the current plan. */
  noteChange(at: Date): void
  /** Recomputes everything due at the clock's now; resolves with the users written. */
  runDue(): Promise<string[]>
  /** Stops waking; resolves when a running pass has finished. */
  stop(): Promise<void>
}

export const DEFAULT_MAX_SLEEP_MS = 5 * 60_000
const DEFAULT_BATCH_SIZE = 200
const DEFAULT_LEASE_MS = 2 * 60_000
// setTimeout holds at most 2^31−1 ms; longer sleeps are simply cut to maxSleepMs anyway.
const MIN_SLEEP_MS = 0

/**
 * Sleeps until the earliest `next_change_at` of the program (read from storage, so a change written by any
 * process is seen within `maxSleepMs`), claims the due subjects with a lease (`FOR UPDATE SKIP LOCKED`, so
 * several processes on one Postgres split the work instead of repeating it), recomputes them at the clock's
 * now through the keeper — which stores their next change — and publishes who changed.
 */
export function startScheduler(deps: {
  programId: string
  storage: Storage
  keeper: ProgressKeeper
  clock: () => Date
  publish: (userIds: readonly string[]) => Promise<void>
  onError?: (error: unknown) => void
  options?: SchedulerOptions
}): Scheduler {
  const { programId, storage, keeper, clock, publish } = deps
  const maxSleepMs = deps.options?.maxSleepMs ?? DEFAULT_MAX_SLEEP_MS
  const batchSize = deps.options?.batchSize ?? DEFAULT_BATCH_SIZE
  const leaseMs = deps.options?.leaseMs ?? DEFAULT_LEASE_MS
  let timer: ReturnType<typeof setTimeout> | undefined
  let wakeAt = Infinity
  let running: Promise<unknown> | undefined
  let stopped = false

  const sleepUntil = (at: number) => {
    if (stopped) return
    const now = clock().getTime()
    const delay = Math.max(MIN_SLEEP_MS, Math.min(at - now, maxSleepMs))
    if (timer !== undefined && now + delay >= wakeAt) return
    if (timer !== undefined) clearTimeout(timer)
    wakeAt = now + delay
    timer = setTimeout(() => {
      timer = undefined
      wakeAt = Infinity
      void pass()
    }, delay)
    // A sleeping scheduler must not keep a process alive on its own.
    timer.unref?.()
  }

  const runDue = async (): Promise<string[]> => {
    const written: string[] = []
    for (;;) {
      const now = clock()
      const due = await claimDueSubjects(storage, programId, now, new Date(now.getTime() + leaseMs), batchSize)
      if (due.length === 0) break
      const changed = await keeper.recompute(due, [], now)
      await publish(changed)
      written.push(...changed)
      if (due.length < batchSize || stopped) break
    }
    return written
  }

  const pass = async () => {
    if (stopped) return
    if (running) return
    const work = (async () => {
      try {
        await runDue()
        const earliest = await earliestScheduledChange(storage, programId)
        sleepUntil(earliest?.getTime() ?? Infinity)
      } catch (error) {
        deps.onError?.(error)
        sleepUntil(clock().getTime() + maxSleepMs)
      }
    })()
    running = work
    await work
    running = undefined
  }

  void pass()

  return {
    noteChange: (at) => sleepUntil(at.getTime()),
    runDue,
    stop: async () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      await running
    },
  }
}
