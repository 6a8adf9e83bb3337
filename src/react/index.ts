'use client'
// The `cairn` entry: provider, drop-in widget, its parts, headless hooks and the http source.
// Styles are not imported here: consumers import `cairn/styles.css` themselves (or style the data attributes).

export { CairnProvider, type CairnProviderProps } from './provider/cairn-provider'
export { ProgressWidget, type ProgressWidgetProps } from './components/progress-widget'
export { LevelChecklist, type LevelChecklistProps } from './components/level-checklist'
export type {
  LevelChecklistContentProps,
  LevelChecklistItemProps,
  LevelChecklistLevelProps,
  LevelChecklistRootProps,
  LevelChecklistTriggerProps,
} from './components/level-checklist-parts'
export { MilestoneRow, type MilestoneRowProps } from './components/milestone-row'
export { ProgressBar, type ProgressBarProps } from './components/progress-bar'
export { ProgressRing, type ProgressRingProps } from './components/progress-ring'
export { BadgeShelf, type BadgeShelfProps } from './components/badge-shelf'
export { BenchmarkCard, type BenchmarkCardProps } from './components/benchmark-card'
export { NextStepPrompt, type NextStepPromptProps } from './components/next-step-prompt'
export { SignalNudge, useRiskNudge, type SignalNudgeProps } from './components/signal-nudge'
export { useSuppressed } from './hooks/use-suppressed'
export { ValueSummary, type ValueSummaryProps } from './components/value-summary'
export { DigestCard, type DigestCardProps } from './components/digest-card'
export { AchievementTimeline, type AchievementTimelineProps } from './components/achievement-timeline'
export { ProgressLauncher, type ProgressLauncherProps } from './components/progress-launcher'
export { CelebrationLayer, useCelebrations, type CelebrationLayerProps, type CelebrationPolicy, type CelebrationsApi } from './celebrations'
export { useHoldout } from './hooks/use-holdout'

export {
  useMilestone,
  useLevels,
  useLevel,
  useNextStep,
  useProgress,
  useTrack,
  useBadges,
  useBenchmarks,
  useValue,
  useAchievementHistory,
  type MilestoneView,
  type ProgressSummary,
} from './hooks/data-hooks'

// `localSource` has its own door (`cairn/local`, src/client/local) and German its own (`cairn/locales/de`,
// src/react/i18n/de.ts): neither belongs in every page's first load.
export { httpSource, CairnError, type ShareKind, type ShareLink, type ShareOptions, type Source, type TrackInput } from '../client'
export { en, type CairnMessages, type CelebrationMessages, type HistoryMessages, type Formatters } from './i18n'
export { enHistoryMessages } from './i18n/en-history'
export type { CairnTheme, CairnClassNames, CairnPart, RenderLink, RenderLinkProps } from './context'
export type { CairnAnalyticsEvents, CairnAnalyticsEventName, CairnAnalyticsHandler, CairnSubject } from './analytics/types'
export type { LevelView, Overall, BadgeShelf as BadgeShelfData, CairnStatus, RiskNudge, HistoryEntry, HistoryKind, HistoryMonth } from '../store'
export type { Program, Progress, MeProgress, Milestone, MilestoneProgress, MilestoneState, LevelState, NextStep, Benchmarks, Digest, Celebration } from '../core'
