import { celebrationsBetween } from '../celebrations/celebrations-between'
import type { Program } from '../schemas/program'
import type { Celebration, Progress } from '../schemas/progress'
import { carryAchievements } from './carry-achievements'
import { achievementsOf, beyondProgress, noCarriedAchievements, unionAchievements, type CarriedAchievements } from './carried-achievements'

/** A subject's progress under the active version, with what to store and what to celebrate. */
export interface VersionedProgress {
  /** The fresh evaluation with every carried achievement merged in. */
  progress: Progress
  /** New celebrations between the stored snapshot and `progress` (ids `kind:refId`, so never twice). */
  celebrations: Celebration[]
  /** The carried set to store when this step crossed a version (else undefined: unchanged). */
  carried: CarriedAchievements | undefined
}

/**
 * Moves a subject from their stored snapshot (`before`, possibly computed under another version) to `fresh`
 * (the engine's evaluation under `program`). Crossing a version carries everything `before` had achieved
 * (DESIGN §7.7: nothing achieved is lost) and makes whatever becomes achieved only through the new definition —
 * a lowered threshold, say — a calm toast instead of confetti or a modal: news, not a party.
 */
export function progressAcrossVersions(
  program: Program,
  fresh: Progress,
  before: Progress | null,
  stored: CarriedAchievements | undefined,
  /** Cross even though `before` names the same version string (its definition was replaced). @default false */
  redefined = false,
): VersionedProgress {
  const crossing = before !== null && (redefined || before.programVersion !== program.version)
  const carried = crossing ? unionAchievements(stored ?? noCarriedAchievements(), achievementsOf(before)) : stored
  const progress = carryAchievements(program, fresh, carried)
  const celebrations = celebrationsBetween(program, before, progress)
  return {
    progress,
    celebrations: crossing ? calmCelebrations(celebrations) : celebrations,
    carried: crossing && carried !== undefined ? beyondProgress(carried, fresh) : undefined,
  }
}

/** Celebrations made quiet: toasts, except those meant to be silent. */
export function calmCelebrations(celebrations: readonly Celebration[]): Celebration[] {
  return celebrations.map((celebration) => (celebration.style === 'none' || celebration.style === 'toast' ? celebration : { ...celebration, style: 'toast' }))
}
