import type { SignalState } from '../../schemas/progress'

/** A signal at one moment, plus the next moment its state can change without a new event (Infinity: never). */
export interface SignalOutcome {
  readonly state: SignalState['state']
  /** When it became active (epoch ms); only while active. */
  readonly since: number | undefined
  /** While clear: when the latest active period ended, if within the return window (epoch ms). */
  readonly clearedAt?: number | undefined
  readonly nextChange: number
}
