// CONTRACT between src/store (implementation) and src/react (consumer). Change only with both sides.
import type { Celebration, MeProgress, Program } from '../core'
import type { Source, TrackInput } from '../client'
import type { StoreApi } from 'zustand/vanilla'

export type CairnStatus = 'loading' | 'ready' | 'error'

export interface CairnState {
  /** 'loading' until the first snapshot; 'error' only when there has never been a good snapshot. */
  status: CairnStatus
  program: Program | null
  progress: MeProgress | null
  /** Last failure; kept beside good data so the widget can show a quiet retry while staying usable. */
  error: Error | null
  /** Celebration ids acknowledged in this session (hidden at once, before the source confirms). */
  seenCelebrations: Record<string, true>
}

export interface CairnActions {
  /** (Re)loads program + progress; keeps the last good state on failure. */
  load(): Promise<void>
  /** Starts live updates; returns a stop function. */
  connect(): () => void
  track(input: TrackInput): Promise<void>
  ackCelebration(id: string): Promise<void>
  /** Celebrations not yet acknowledged, in snapshot order; the celebration queue plans them best first (DESIGN §5). */
  pendingCelebrations(): Celebration[]
}

export type CairnStore = StoreApi<CairnState & CairnActions>

export interface CreateCairnStoreOptions {
  source: Source
  /** Receives every failure (network, validation, ack). */
  onError?: (error: Error) => void
}
