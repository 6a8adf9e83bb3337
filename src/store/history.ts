import { levelCompletionTimes, type Program, type Progress } from '../core'
import { memoizeByInputs } from './memoize'
import type { CairnState } from './types'

/** What an entry of the achievement history stands for. */
export type HistoryKind = 'level' | 'badge' | 'milestone'

/** One achievement on the timeline: a level completed, a badge earned or a milestone achieved. */
export interface HistoryEntry {
  kind: HistoryKind
  /** The level, badge or milestone id. */
  id: string
  /** Its title (program text, already in the reader's language). */
  title: string
  /** A milestone's past-tense title, when the program gives one. */
  doneTitle?: string
  /** When it happened (ISO 8601). */
  at: string
}

/** The achievements of one calendar month (UTC, like every date the widget shows). */
export interface HistoryMonth {
  /** `YYYY-MM`, e.g. `2026-11`. */
  month: string
  entries: readonly HistoryEntry[]
}

/** At the same instant the outcome reads first: the level, then its badge, then the step that completed it. */
const KIND_RANK: Record<HistoryKind, number> = { level: 0, badge: 1, milestone: 2 }

/**
 * Everything achieved so far, grouped by month, newest month and newest entry first. Levels have no timestamp
 * in Progress, so their moment is reconstructed by `levelCompletionTimes` (a level whose moment is unknown —
 * everything in it ineligible — is left out rather than dated wrongly).
 */
export function achievementHistory(program: Program, progress: Progress): HistoryMonth[] {
  const entries: HistoryEntry[] = []
  const completed = levelCompletionTimes(program, progress)
  for (const level of program.levels) {
    const at = completed.get(level.id)
    if (at !== undefined) entries.push({ kind: 'level', id: level.id, title: level.title, at })
  }
  const earned = new Map(progress.badges.map((badge) => [badge.id, badge.earnedAt]))
  for (const badge of program.badges) {
    const at = earned.get(badge.id)
    if (at !== undefined) entries.push({ kind: 'badge', id: badge.id, title: badge.title, at })
  }
  for (const milestone of program.milestones) {
    const state = progress.milestones[milestone.id]
    if (state?.state !== 'achieved' || state.achievedAt === undefined) continue
    entries.push({
      kind: 'milestone',
      id: milestone.id,
      title: milestone.title,
      ...(milestone.doneTitle !== undefined && { doneTitle: milestone.doneTitle }),
      at: state.achievedAt,
    })
  }
  // Stable sort: equal instants and kinds keep program order.
  entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || KIND_RANK[a.kind] - KIND_RANK[b.kind])

  const months: { month: string; entries: HistoryEntry[] }[] = []
  for (const entry of entries) {
    const month = new Date(entry.at).toISOString().slice(0, 7)
    const last = months[months.length - 1]
    if (last?.month === month) last.entries.push(entry)
    else months.push({ month, entries: [entry] })
  }
  return months
}

const EMPTY_HISTORY: readonly HistoryMonth[] = Object.freeze([])

const historyOf = memoizeByInputs((program: Program | null, progress: Progress | null): readonly HistoryMonth[] =>
  program && progress ? achievementHistory(program, progress) : EMPTY_HISTORY,
)

/** The achievement history of the loaded snapshot, newest first; empty until loaded. */
export const selectHistory = (state: CairnState): readonly HistoryMonth[] => historyOf(state.program, state.progress)
