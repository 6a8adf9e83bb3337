import { useEffect, useState } from 'react'
import { lazyModule, useLazyModule } from '../lazy-module'
// Type-only: erased at build time, so neither lazy module lands in the first-load bundle.
import type * as ChunkModule from './celebration-chunk'
import type * as ModalModule from './celebration-modal'

/** The lazily loaded animation half: motion frame and confetti. */
export type CelebrationChunk = typeof ChunkModule

/**
 * How long a big moment waits for its animation code before opening without it. Long enough for a
 * cached chunk, short enough that a slow network never delays the moment noticeably.
 */
export const CHUNK_GRACE_MS = 300

// Two chunks, so a dialog never waits on (or fails with) the heavy animation code.
const animation = lazyModule(() => import('./celebration-chunk'))
const modal = lazyModule(() => import('./celebration-modal'))

/** Starts (once) loading the animation chunk; settles when it has loaded or failed. */
export const loadCelebrationChunk = animation.load

export interface CelebrationChunkState {
  /** The dialog component once it may open: its code loaded and the animation loaded, failed or waited for. */
  Modal: typeof ModalModule.CelebrationModal | null
  /** The animation chunk, or null while loading / after a failure. */
  chunk: CelebrationChunk | null
  /** The dialog code could not load (offline, a stale deploy): show the moment another way. */
  failed: boolean
}

/** Loads the dialog and animation code when `wanted` first becomes true, and reports when a dialog may open. */
export function useCelebrationChunk(wanted: boolean): CelebrationChunkState {
  const dialog = useLazyModule(modal, wanted)
  const chunk = useLazyModule(animation, wanted)
  const [timedOut, setTimedOut] = useState(false)
  const waiting = wanted && !chunk && !animation.state.failed && !timedOut

  useEffect(() => {
    if (!waiting) return
    const grace = setTimeout(() => setTimedOut(true), CHUNK_GRACE_MS)
    return () => clearTimeout(grace)
  }, [waiting])

  return { Modal: waiting ? null : (dialog?.CelebrationModal ?? null), chunk, failed: modal.state.failed }
}
