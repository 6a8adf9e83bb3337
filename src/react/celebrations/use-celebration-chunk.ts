import { useEffect, useState } from 'react'
// Type-only: erased at build time, so the chunk stays out of the first-load bundle.
import type * as ChunkModule from './celebration-chunk'

/** The lazily loaded half: motion frame and confetti. */
export type CelebrationChunk = typeof ChunkModule

/**
 * How long a big moment waits for its animation code before opening without it. Long enough for a
 * cached chunk, short enough that a slow network never delays the moment noticeably.
 */
export const CHUNK_GRACE_MS = 300

let loading: Promise<CelebrationChunk | null> | null = null
let loaded: CelebrationChunk | null = null

/** Starts (once) loading the celebration chunk; resolves to null if it cannot load. */
export function loadCelebrationChunk(): Promise<CelebrationChunk | null> {
  loading ??= import('./celebration-chunk').then(
    (chunk) => (loaded = chunk),
    // Offline or a stale deploy: celebrate without animation rather than not at all.
    () => null,
  )
  return loading
}

export interface CelebrationChunkState {
  /** The loaded chunk, or null while loading / after a failure. */
  chunk: CelebrationChunk | null
  /** True once waiting is over: loaded, failed, or the grace period ran out. */
  settled: boolean
}

/** Loads the chunk when `wanted` first becomes true and reports when a dialog may open. */
export function useCelebrationChunk(wanted: boolean): CelebrationChunkState {
  const [chunk, setChunk] = useState<CelebrationChunk | null>(loaded)
  const [timedOut, setTimedOut] = useState(false)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (!wanted || chunk) return
    let live = true
    const grace = setTimeout(() => setTimedOut(true), CHUNK_GRACE_MS)
    void loadCelebrationChunk().then((result) => {
      if (!live) return
      if (result) setChunk(result)
      else setFailed(true)
    })
    return () => {
      live = false
      clearTimeout(grace)
    }
  }, [wanted, chunk])

  return { chunk, settled: chunk !== null || failed || timedOut }
}
