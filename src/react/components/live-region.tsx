import { useContext, useEffect, useState } from 'react'
import type { MeProgress, Program } from '../../core'
import { newlyAchieved } from '../analytics/newly-achieved'
import { CelebrationHostContext } from '../celebrations/celebration-host'
import { useCairnContext } from '../context'
import type { CairnMessages, Formatters } from '../i18n'
import { VisuallyHidden } from './visually-hidden'

/**
 * What changed between two snapshots, in words: achievements first, then steps forward. Empty when nothing did.
 * With `celebrating`, an achievement that arrives with a visible celebration is left to the celebration layer,
 * so a screen reader hears it once (from its toast or dialog).
 */
export function describeProgressChange(
  program: Program,
  previous: MeProgress | null,
  next: MeProgress,
  messages: CairnMessages,
  format: Formatters,
  celebrating = false,
): string {
  if (!previous) return ''
  const title = (id: string) => program.milestones.find((m) => m.id === id)?.title ?? id
  const celebrated = (id: string) => celebrating && next.celebrations.some((c) => c.kind === 'milestone' && c.refId === id && c.style !== 'none')
  const achieved = newlyAchieved(previous, next).filter((id) => !celebrated(id)).map((id) => {
    const level = program.levels.find((l) => l.milestones.includes(id))
    const counts = level && next.levels.find((l) => l.id === level.id)
    return messages.announceAchieved(title(id), counts?.completed ?? 0, counts?.total ?? 0, counts && level?.title, format)
  })
  const advanced = Object.entries(next.milestones)
    .filter(([id, m]) => m.state === 'in_progress' && m.current > (previous.milestones[id]?.current ?? 0))
    .map(([id, m]) => messages.announceProgress(title(id), Math.min(m.current, m.target), m.target, format))
  return [...achieved, ...advanced].join(' ')
}

/** A polite live region that tells screen-reader users what just changed ("Invite a teammate achieved. 3 of 3 in Getting started"). */
export function LiveRegion() {
  const { store, messages, format } = useCairnContext()
  const celebrating = useContext(CelebrationHostContext)?.enabled ?? false
  const [announcement, setAnnouncement] = useState('')
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.progress === previous.progress || !state.program || !state.progress) return
        const text = describeProgressChange(state.program, previous.progress, state.progress, messages, format, celebrating)
        if (text) setAnnouncement(text)
      }),
    [store, messages, format, celebrating],
  )
  return (
    <VisuallyHidden aria-live="polite" data-cairn-live="">
      {announcement}
    </VisuallyHidden>
  )
}
LiveRegion.displayName = 'Cairn.LiveRegion'
