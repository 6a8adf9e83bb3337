import type { MeProgress, Program } from '../../core'
import type { CairnMessages, Formatters } from '../i18n'

// Loaded with import() by the live region when the first snapshot arrives: only later snapshots are announced.
// It imports nothing at run time (`newlyAchieved` is passed in), so the first load holds no shared chunk.

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
  celebrating: boolean,
  newlyAchieved: (previous: MeProgress, next: MeProgress) => string[],
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
