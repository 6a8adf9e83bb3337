import { useContext, useEffect, useState } from 'react'
import type { MeProgress } from '../../core'
import { newlyAchieved } from '../analytics/newly-achieved'
import { CelebrationHostContext } from '../celebrations/celebration-host'
import { useCairnContext } from '../context'
import { lazyModule } from '../lazy-module'
import { VisuallyHidden } from './visually-hidden'

// The wording of a change loads with the first snapshot (which itself is never announced: it is history).
const WORDING = lazyModule(() => import('./progress-change'))

/** A polite live region that tells screen-reader users what just changed ("Invite a teammate achieved. 3 of 3 in Getting started"). */
export function LiveRegion() {
  const { store, messages, format } = useCairnContext()
  const celebrating = useContext(CelebrationHostContext)?.enabled ?? false
  const [announcement, setAnnouncement] = useState('')
  useEffect(() => {
    let live = true
    // The snapshot the next announcement is measured from: kept while the wording is on its way, so two quick
    // updates are announced as one change and none is lost.
    let from: MeProgress | null | undefined
    const announce = () => {
      const { program, progress } = store.getState()
      const wording = WORDING.state.module
      if (!live || !wording || from === undefined || !program || !progress) return
      const text = wording.describeProgressChange(program, from, progress, messages, format, celebrating, newlyAchieved)
      from = undefined
      if (text) setAnnouncement(text)
    }
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.progress === previous.progress || !state.program || !state.progress) return
      if (from === undefined) from = previous.progress
      void WORDING.load().then(announce)
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [store, messages, format, celebrating])
  return (
    <VisuallyHidden aria-live="polite" data-cairn-live="">
      {announcement}
    </VisuallyHidden>
  )
}
LiveRegion.displayName = 'Cairn.LiveRegion'
