import * as z from 'zod/mini'
import { CtaSchema, CELEBRATION_STYLES } from './program'

// Response shapes are loose objects (unknown keys pass) so an older widget keeps working against a newer API.
const isoTime = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 timestamp'))
const count = z.number().check(z.refine((n) => Number.isFinite(n), 'must be a finite number'))

export const MILESTONE_STATES = ['locked', 'available', 'in_progress', 'achieved', 'missed', 'ineligible'] as const
export type MilestoneState = (typeof MILESTONE_STATES)[number]
export const LEVEL_STATES = ['locked', 'active', 'complete'] as const
export type LevelState = (typeof LEVEL_STATES)[number]

export const MilestoneProgressSchema = z.object({
  state: z.enum(MILESTONE_STATES),
  current: count,
  target: count,
  achievedAt: z.optional(isoTime),
  dueAt: z.optional(isoTime),
  late: z.optional(z.boolean()),
})
export type MilestoneProgress = z.infer<typeof MilestoneProgressSchema>

export const LevelProgressSchema = z.object({
  id: z.string(),
  state: z.enum(LEVEL_STATES),
  completed: count,
  total: count,
})
export type LevelProgress = z.infer<typeof LevelProgressSchema>

export const NextStepSchema = z.object({
  milestoneId: z.string(),
  title: z.string(),
  cta: z.optional(CtaSchema),
  reason: z.string(),
})
export type NextStep = z.infer<typeof NextStepSchema>

export const SIGNAL_STATES = ['active', 'clear'] as const
export type SignalStateName = (typeof SIGNAL_STATES)[number]

/**
 * One risk signal of the program for this subject (DESIGN §7.1); `since` is when it became active. `clearedAt`
 * (inactive signals, while clear) is the event that ended the latest active period, kept for 24 h after it: the
 * subject just came back, and the widget still says "welcome back" (an additive extension, see ARCHITECTURE.md).
 */
export const SignalStateSchema = z.object({
  id: z.string(),
  state: z.enum(SIGNAL_STATES),
  since: z.optional(isoTime),
  clearedAt: z.optional(isoTime),
})
export type SignalState = z.infer<typeof SignalStateSchema>

export const ProgressSchema = z.object({
  programId: z.string(),
  programVersion: z.string(),
  evaluatedAt: isoTime,
  milestones: z.record(z.string(), MilestoneProgressSchema),
  levels: z.array(LevelProgressSchema),
  badges: z.array(z.object({ id: z.string(), earnedAt: isoTime })),
  unlockedFeatures: z.array(z.string()),
  nextSteps: z.array(NextStepSchema),
  value: z.optional(z.object({ minutesSaved: count, moneySaved: z.optional(count), currency: z.optional(z.string()) })),
  /** Present when the program declares signals: one entry per signal the subject is eligible for, in program order. */
  signals: z.optional(z.array(SignalStateSchema)),
  /** Present while the subject is suppressed (DESIGN §7.2): celebrations wait and next steps carry no upsell. */
  suppressed: z.optional(z.object({ reason: z.string() })),
})
export type Progress = z.infer<typeof ProgressSchema>

/** What a benchmark compares the subject as: its account (a team) or itself (no account). */
export const BENCHMARK_UNITS = ['account', 'user'] as const
export type BenchmarkUnit = (typeof BENCHMARK_UNITS)[number]

export const BenchmarksSchema = z.object({
  cohortSize: count,
  /**
   * Mid-rank share of the cohort at the same stage (strictly behind the subject plus half the ties), 1–99;
   * absent while the subject is less than 24 h past signup.
   */
  percentile: z.optional(count),
  /** Milestones achieved by the median member of the cohort at this subject's stage. */
  typicalAchievedAtStage: count,
  /** The stage compared: days since the subject's signup (one decimal). Optional for older servers. */
  stageDays: z.optional(count),
  milestones: z.record(
    z.string(),
    z.object({ achievedShare: count, medianDaysToAchieve: z.optional(z.nullable(count)) }),
  ),
  /**
   * Badge rarity, by badge id: `earnedShare` (0–1) of the cohort that has earned the badge. Same cohort and
   * k threshold as the rest (absent with the benchmarks below `minCohort`). Optional for older servers.
   */
  badges: z.optional(z.record(z.string(), z.object({ earnedShare: count }))),
  /**
   * How the subject was compared: `account` — as its account, one member per account ("teams like yours");
   * `user` — as a person on their own, having no account ("people like you"). Optional for older servers,
   * which compared accounts.
   */
  comparedAs: z.optional(z.enum(BENCHMARK_UNITS)),
})
export type Benchmarks = z.infer<typeof BenchmarksSchema>

/** `team`: an account-unit milestone a teammate achieved, announced to everyone else in the account (DESIGN §7.5). */
export const CELEBRATION_KINDS = ['level', 'badge', 'milestone', 'team'] as const
export type CelebrationKind = (typeof CELEBRATION_KINDS)[number]

export const CelebrationSchema = z.object({
  id: z.string(),
  kind: z.enum(CELEBRATION_KINDS),
  /** Id of the milestone, level or badge being celebrated. */
  refId: z.string(),
  title: z.string(),
  style: z.enum(CELEBRATION_STYLES),
  /** Program priority of the source (higher first); 0 when unset. */
  priority: count,
  achievedAt: isoTime,
  message: z.optional(z.string()),
})
export type Celebration = z.infer<typeof CelebrationSchema>

/** `GET /v1/me/progress`: Progress at the top level plus benchmarks and pending celebrations. */
export const MeProgressSchema = z.extend(ProgressSchema, {
  benchmarks: z.optional(BenchmarksSchema),
  celebrations: z.array(CelebrationSchema),
  /** Set (true) when the subject is in the experiment's holdout (DESIGN §7.6): the widget shows nothing. */
  holdout: z.optional(z.boolean()),
})
export type MeProgress = z.infer<typeof MeProgressSchema>

export const DigestSchema = z.object({
  period: z.enum(['week', 'month']),
  from: isoTime,
  to: isoTime,
  /** `doneTitle`: the milestone's past-tense title when the program has one (show it, else "Achieved: <title>"). */
  achieved: z.array(z.object({ milestoneId: z.string(), title: z.string(), doneTitle: z.optional(z.string()), achievedAt: isoTime })),
  badges: z.array(z.object({ id: z.string(), title: z.string(), earnedAt: isoTime })),
  levelsCompleted: z.array(z.object({ id: z.string(), title: z.string() })),
  minutesSaved: z.optional(count),
  nextStep: z.optional(NextStepSchema),
})
export type Digest = z.infer<typeof DigestSchema>
