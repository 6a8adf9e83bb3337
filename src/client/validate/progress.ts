import type { BenchmarkUnit, Celebration, LevelState, MeProgress, MilestoneState, NextStep, SignalState } from '../../core'
import { arr, bool, iso, leaveOut, num, obj, oneOf, opt, orNull, record, str, type Check } from './check'
import { CELEBRATION_STYLES, currency, cta } from './program'

// Every field of core's MeProgressSchema, by hand. Typed as `Check<MeProgress>`, so a field the core type
// gains or changes fails to compile here instead of slipping through unchecked.

const MILESTONE_STATES: readonly MilestoneState[] = ['locked', 'available', 'in_progress', 'achieved', 'missed', 'ineligible']
const LEVEL_STATES: readonly LevelState[] = ['locked', 'active', 'complete']
const SIGNAL_STATES: readonly SignalState['state'][] = ['active', 'clear']
const CELEBRATION_KINDS: readonly Celebration['kind'][] = ['level', 'badge', 'milestone', 'team']
const BENCHMARK_UNITS: readonly BenchmarkUnit[] = ['account', 'user']

export const nextStep: Check<NextStep> = obj({ milestoneId: str, title: str, cta, reason: str })

const milestoneProgress = obj({
  state: oneOf(MILESTONE_STATES),
  current: num,
  target: num,
  achievedAt: opt(iso),
  dueAt: opt(iso),
  late: opt(bool),
})

const benchmarks = obj({
  cohortSize: num,
  percentile: opt(num),
  typicalAchievedAtStage: num,
  stageDays: opt(num),
  milestones: record(obj({ achievedShare: num, medianDaysToAchieve: opt(orNull(num)) })),
  badges: opt(record(obj({ earnedShare: num }))),
  // A unit this widget does not know reads as the older servers' default (teams), never as a broken response.
  comparedAs: leaveOut(oneOf(BENCHMARK_UNITS)),
})

const celebration = obj({
  id: str,
  kind: oneOf(CELEBRATION_KINDS),
  refId: str,
  title: str,
  style: oneOf(CELEBRATION_STYLES),
  priority: num,
  achievedAt: iso,
  message: opt(str),
})

/** `GET /v1/me/progress` and SSE `progress` events. */
export const meProgressCheck: Check<MeProgress> = obj({
  programId: str,
  programVersion: str,
  evaluatedAt: iso,
  milestones: record(milestoneProgress),
  levels: arr(obj({ id: str, state: oneOf(LEVEL_STATES), completed: num, total: num })),
  badges: arr(obj({ id: str, earnedAt: iso })),
  unlockedFeatures: arr(str),
  nextSteps: arr(nextStep),
  value: opt(obj({ minutesSaved: num, moneySaved: opt(num), currency: opt(currency) })),
  signals: opt(arr(obj({ id: str, state: oneOf(SIGNAL_STATES), since: opt(iso), clearedAt: opt(iso) }))),
  suppressed: opt(obj({ reason: str })),
  benchmarks: opt(benchmarks),
  celebrations: arr(celebration),
  holdout: opt(bool),
})
