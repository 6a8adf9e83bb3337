import { useCallback, useMemo } from 'react'
import type { Benchmarks, MeProgress, Milestone, MilestoneProgress, NextStep, Progress } from '../../core'
import type { TrackInput } from '../../client'
import {
  selectBadges,
  selectBenchmarks,
  selectHistory,
  selectCurrentLevel,
  selectError,
  selectLevels,
  selectLevelView,
  selectMilestone,
  selectMilestoneDefinition,
  selectNextStep,
  selectOverall,
  selectProgress,
  selectStatus,
  selectValue,
  type BadgeShelf,
  type CairnState,
  type CairnStatus,
  type HistoryMonth,
  type LevelView,
  type Overall,
} from '../../store'
import { useCairnContext } from '../context'
import { sameItems } from './equality'
import { useCairnSelector } from './use-cairn-selector'

/** A milestone's definition and its progress together. */
export interface MilestoneView {
  definition: Milestone
  progress: MilestoneProgress
}

/** One milestone (definition + progress); re-renders only when that milestone changes. Undefined until loaded. */
export function useMilestone(id: string): MilestoneView | undefined {
  const definition = useCairnSelector(selectMilestoneDefinition(id))
  const progress = useCairnSelector(selectMilestone(id))
  return useMemo(() => (definition && progress ? { definition, progress } : undefined), [definition, progress])
}

const selectLevelViews = (state: CairnState) => selectLevels(state).flatMap((level) => selectLevelView(level.id)(state) ?? [])

/** Every level as the checklist shows it, in program order. */
export function useLevels(): readonly LevelView[] {
  return useCairnSelector(selectLevelViews, sameItems)
}

/** One level's view. */
export function useLevel(id: string): LevelView | undefined {
  return useCairnSelector(selectLevelView(id))
}

/** The one step worth taking now, if any. */
export function useNextStep(): NextStep | undefined {
  return useCairnSelector(selectNextStep)
}

/** Sends a usage event for the current user (only `clientTrackable` events are accepted by the API). */
export function useTrack(): (input: TrackInput) => Promise<void> {
  const { store } = useCairnContext()
  return useCallback((input: TrackInput) => store.getState().track(input), [store])
}

export interface ProgressSummary {
  status: CairnStatus
  /** The last failure, kept beside good data. */
  error: Error | null
  overall: Overall
  currentLevel: LevelView | undefined
  /** The full snapshot, for anything the other hooks do not cover. */
  progress: MeProgress | null
  /** Loads again (the quiet retry). */
  reload(): Promise<void>
}

/** Headless summary of where the user stands. Re-renders on every snapshot; prefer the narrower hooks in lists. */
export function useProgress(): ProgressSummary {
  const { store } = useCairnContext()
  const status = useCairnSelector(selectStatus)
  const error = useCairnSelector(selectError)
  const overall = useCairnSelector(selectOverall)
  const currentLevel = useCairnSelector(selectCurrentLevel)
  const progress = useCairnSelector(selectProgress)
  const reload = useCallback(() => store.getState().load(), [store])
  return { status, error, overall, currentLevel, progress, reload }
}

/** Earned and locked badges. */
export function useBadges(): BadgeShelf {
  return useCairnSelector(selectBadges)
}

/** Cohort comparison; undefined when the cohort is too small. */
export function useBenchmarks(): Benchmarks | undefined {
  return useCairnSelector(selectBenchmarks)
}

/** Time and money saved so far. */
export function useValue(): Progress['value'] {
  return useCairnSelector(selectValue)
}

/** Everything achieved so far (milestones, levels, badges), grouped by month, newest first; empty until loaded. */
export function useAchievementHistory(): readonly HistoryMonth[] {
  return useCairnSelector(selectHistory)
}
