import type { Progress } from '../../schemas/progress'

/** A signal raised (it became active) or cleared between two snapshots of one subject. */
export interface SignalChange {
  signalId: string
  state: 'raised' | 'cleared'
  /**
   * ISO time: a raise happened at the signal's `since`; a clear at the returning event (`clearedAt`) when known,
   * else when it was seen (`after.evaluatedAt`).
   */
  at: string
}

/**
 * What changed in `signals` from `before` (null: nothing known yet, so every active signal is raised) to
 * `after`, in program order. An active signal whose `since` moved was cleared and raised again in between.
 * A signal that left the list (the subject is no longer eligible) while active counts as cleared.
 */
export function signalChangesBetween(before: Progress | null, after: Progress): SignalChange[] {
  const was = new Map((before?.signals ?? []).map((signal) => [signal.id, signal]))
  const changes: SignalChange[] = []
  for (const signal of after.signals ?? []) {
    const previous = was.get(signal.id)
    was.delete(signal.id)
    const wasActive = previous?.state === 'active'
    if (signal.state === 'active') {
      const since = signal.since ?? after.evaluatedAt
      if (wasActive && previous.since === signal.since) continue
      if (wasActive) changes.push({ signalId: signal.id, state: 'cleared', at: since })
      changes.push({ signalId: signal.id, state: 'raised', at: since })
    } else if (wasActive) {
      // A return names its own moment (an event that arrived late still clears at its time).
      changes.push({ signalId: signal.id, state: 'cleared', at: signal.clearedAt ?? after.evaluatedAt })
    }
  }
  for (const signal of was.values()) {
    if (signal.state === 'active') changes.push({ signalId: signal.id, state: 'cleared', at: after.evaluatedAt })
  }
  return changes
}
