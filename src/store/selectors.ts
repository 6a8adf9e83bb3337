import {
  type Badge,
  type Benchmarks,
  type Celebration,
  type Level,
  type LevelProgress,
  type LevelState,
  type Milestone,
  type MilestoneProgress,
  type NextStep,
  type Progress,
  type Program,
} from '../core'
import { memoizeByInputs, selectorFamily } from './memoize'
import type { CairnState, CairnStatus } from './types'

// Every selector returns the same object while its inputs are unchanged (the store keeps unchanged parts of
// progress referentially equal), so `useStore(store, selector)` re-renders only what really changed.

const EMPTY: readonly never[] = Object.freeze([])

/** 'loading' | 'ready' | 'error'. */
export const selectStatus = (state: CairnState): CairnStatus => state.status
/** The last failure, kept beside good data. */
export const selectError = (state: CairnState): Error | null => state.error
export const selectProgram = (state: CairnState): Program | null => state.program
export const selectProgress = (state: CairnState): CairnState['progress'] => state.progress

/** One milestone's progress; the same object until that milestone changes. */
export const selectMilestone = selectorFamily(
  (id: string) =>
    (state: CairnState): MilestoneProgress | undefined =>
      state.progress?.milestones[id],
)

const milestoneIndex = memoizeByInputs((program: Program | null) => new Map((program?.milestones ?? []).map((m) => [m.id, m])))

/** One milestone's definition (title, description, cta…) from the program. */
export const selectMilestoneDefinition = selectorFamily(
  (id: string) =>
    (state: CairnState): Milestone | undefined =>
      milestoneIndex(state.program).get(id),
)

/** Every level's progress, in program order. */
export const selectLevels = (state: CairnState): readonly LevelProgress[] => state.progress?.levels ?? EMPTY

/** A level as the checklist shows it: its progress plus titles from the program. */
export interface LevelView {
  id: string
  title: string
  /** 1-based place in the program ("Level 2"). */
  position: number
  state: LevelState
  completed: number
  total: number
  /** Every milestone of the level in program order (ineligible ones included: check their state). */
  milestones: readonly { id: string; title: string }[]
  unlocks?: Level['unlocks']
}

function toLevelView(program: Program | null, progress: LevelProgress | undefined): LevelView | undefined {
  const index = program?.levels.findIndex((l) => l.id === progress?.id) ?? -1
  const level = program?.levels[index]
  if (!program || !progress || !level) return undefined
  const byId = milestoneIndex(program)
  return {
    id: level.id,
    title: level.title,
    position: index + 1,
    state: progress.state,
    completed: progress.completed,
    total: progress.total,
    milestones: level.milestones.map((id) => ({ id, title: byId.get(id)?.title ?? id })),
    ...(level.unlocks && { unlocks: level.unlocks }),
  }
}

const levelViewOf = memoizeByInputs(toLevelView)

/** One level with its milestone ids and titles; undefined until program and progress are loaded. */
export const selectLevelView = selectorFamily(
  (levelId: string) =>
    (state: CairnState): LevelView | undefined =>
      levelViewOf(state.program, state.progress?.levels.find((l) => l.id === levelId)),
)

/** The level being worked on: the first active one, or the last one when all are complete. */
export const selectCurrentLevel = (state: CairnState): LevelView | undefined => {
  const levels = state.progress?.levels ?? EMPTY
  const current = levels.find((l) => l.state === 'active') ?? levels.findLast((l) => l.state === 'complete')
  return current ? selectLevelView(current.id)(state) : undefined
}

/** Overall completion across counted milestones (missed and ineligible ones do not count). */
export interface Overall {
  completed: number
  total: number
  /** 0–100, rounded down so 100 means truly done; 100 when nothing is left to count. */
  percent: number
}

const NOT_LOADED: Overall = Object.freeze({ completed: 0, total: 0, percent: 0 })

/** The last overall computed: an update that changes no count returns it again, so its readers skip a render. */
let lastOverall: Overall = NOT_LOADED

/** Milestones time alone achieves (tenure: "One year with Taskly") are moments, not work: they never count as left to do. */
const tenureIds = memoizeByInputs((program: Program | null) => new Set((program?.milestones ?? []).filter((m) => m.criterion.kind === 'tenure').map((m) => m.id)))

const overallOf = memoizeByInputs((program: Program | null, milestones: Progress['milestones'] | undefined): Overall => {
  if (!milestones) return NOT_LOADED
  const timeBased = tenureIds(program)
  const counted = Object.entries(milestones)
    .filter(([id, m]) => !timeBased.has(id) && m.state !== 'ineligible' && m.state !== 'missed')
    .map(([, m]) => m)
  const completed = counted.filter((m) => m.state === 'achieved').length
  const total = counted.length
  const percent = total === 0 ? 100 : Math.floor((completed / total) * 100)
  const last = lastOverall
  if (last !== NOT_LOADED && last.completed === completed && last.total === total && last.percent === percent) return last
  return (lastOverall = { completed, total, percent })
})

export const selectOverall = (state: CairnState): Overall => overallOf(state.program, state.progress?.milestones)

/** The one step worth taking now. */
export const selectNextStep = (state: CairnState): NextStep | undefined => state.progress?.nextSteps[0]
/** Up to three next steps, best first. */
export const selectNextSteps = (state: CairnState): readonly NextStep[] => state.progress?.nextSteps ?? EMPTY

/** Badges in program order: earned (with the date) and still locked. */
export interface BadgeShelf {
  earned: readonly (Badge & { earnedAt: string })[]
  locked: readonly Badge[]
}

const shelfOf = memoizeByInputs((program: Program | null, earned: Progress['badges'] | undefined): BadgeShelf => {
  const earnedAt = new Map((earned ?? []).map((b) => [b.id, b.earnedAt]))
  const badges = program?.badges ?? []
  return {
    earned: badges.flatMap((badge) => {
      const at = earnedAt.get(badge.id)
      return at === undefined ? [] : [{ ...badge, earnedAt: at }]
    }),
    locked: badges.filter((badge) => !earnedAt.has(badge.id)),
  }
})

export const selectBadges = (state: CairnState): BadgeShelf => shelfOf(state.program, state.progress?.badges)

/** How this user compares to similar ones; undefined when the cohort is too small (or in local mode). */
export const selectBenchmarks = (state: CairnState): Benchmarks | undefined => state.progress?.benchmarks
/** Time and money saved so far, when the program defines a value milestone. */
export const selectValue = (state: CairnState): Progress['value'] => state.progress?.value
export const selectUnlockedFeatures = (state: CairnState): readonly string[] => state.progress?.unlockedFeatures ?? EMPTY

const NO_CELEBRATIONS = EMPTY as never[] // frozen: typed mutable only to match CairnActions.pendingCelebrations

// Not sorted here: the one reader that cares, the lazy celebration queue, plans them best first itself
// (`planCelebrations`), and leaving the sort to it keeps core's sort out of every page's first load.
const pendingOf = memoizeByInputs((celebrations: readonly Celebration[] | undefined, seen: CairnState['seenCelebrations']): Celebration[] => {
  const pending = (celebrations ?? EMPTY).filter((c) => !seen[c.id])
  return pending.length === 0 ? NO_CELEBRATIONS : pending
})

/** Celebrations not yet acknowledged, in snapshot order (the celebration queue plans them best first). */
export const selectPendingCelebrations = (state: CairnState): Celebration[] =>
  pendingOf(state.progress?.celebrations, state.seenCelebrations)
