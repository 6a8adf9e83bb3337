import type { MeProgress, Program } from '../../core'
import { enAnnounceMessages } from '../i18n/en-announce'
import type { Formatters, ProviderMessages } from '../i18n'

// Loaded with import() by the live region when the first snapshot arrives: only later snapshots are announced.
// It imports no first-load module at run time (`newlyAchieved` is passed in), so the first load holds no shared
// chunk; its English strings come along from en-announce.

/**
 * What changed between two snapshots, in words: achievements first, then steps forward. Empty when nothing did.
 * With `celebrating`, an achievement that arrives with a visible celebration is left to the celebration layer,
 * so a screen reader hears it once (from its toast or dialog).
 */
export function describeProgressChange(
  program: Program,
  previous: MeProgress | null,
  next: MeProgress,
  provided: ProviderMessages,
  format: Formatters,
  celebrating: boolean,
  newlyAchieved: (previous: MeProgress, next: MeProgress) => string[],
): string {
  if (!previous) return ''
  // The provider's strings over this chunk's English (the first load carries no announcements).
  const messages = { ...enAnnounceMessages, ...provided }
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
