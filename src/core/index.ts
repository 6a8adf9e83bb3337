// Public surface of `cairn/core`: pure TypeScript, no React, DOM or Node imports.
export * from './schemas'
export { parseProgram, type ParseProgramResult } from './parse-program'
export { type ValidationError, formatIssues, formatPath } from './validation-error'
export { isSafeHref } from './safe-href'
export { partitionPoint } from './partition-point'
export { runSlices, type Sliced } from './sliced'
export { OrderStatisticTree } from './order-statistic-tree'
export { isShareFirstName, MAX_FIRST_NAME_LENGTH } from './share-name'
export { localizeProgram, localizeProgress, localizeText, programLocales, matchLocale, resolveLocale } from './localize'
export { evaluate, nextChangeAt, UPSELL_CATEGORIES, DEFAULT_MIN_BEFORE, type EvaluateOptions } from './engine'
export { signalChangesBetween, type SignalChange } from './engine'
export { DAY_MS } from './engine/types'
export { createIncrementalEvaluator, AccountHistory, accountEventReader, type IncrementalEvaluator, type IncrementalOptions, type ApplyResult } from './engine'
export * from './benchmarks'
export * from './celebrations'
export * from './digest'
export { buildAccountView, paceOfAccounts, summarizeAccounts, ACCOUNT_SEGMENTS, DEFAULT_STALLED_DAYS, type AccountRow, type AccountSegment, type AccountViewEntry, type AccountSummary, type Pace, AccountsPageSchema } from './accounts'
export { computeSuccessMetrics, createSuccessAggregates, SuccessMetricsSchema, RETENTION_WINDOW_DAYS, type SuccessMetrics, type SuccessAggregates } from './accounts'
export { demoProgram, demoProgramSource, demoExperiment } from './programs'
export {
  estimateLift, wilsonInterval, sampleSizeForEffect, moreSubjectsNeeded, Z_95, sha256,
  applyVariants, assignmentBucket, assignmentUnit, bucketFromHash, experimentArm, pickVariant, variantAssignments, variantSetId,
  type ArmCounts, type EstimateLiftInput, type Lift, type LiftEstimate, type NoLiftEstimate, type LiftUnavailable,
  type SampleSize, type SampleSizeInput, type ExperimentArm,
  ExperimentInsightsSchema, ExperimentArmSchema, LiftSchema, VariantArmSchema, type ExperimentInsights,
} from './experiment'
export {
  carryAchievements, achievementsOf, beyondProgress, isEmptyCarry, noCarriedAchievements, unionAchievements,
  diffPrograms, isEmptyDiff, sameJson, calmCelebrations, progressAcrossVersions,
  type CarriedAchievements, type ChangeSet, type ProgramDiff, type VersionedProgress,
} from './versions'
export { programJsonSchema, PROGRAM_SCHEMA_ID } from './program-json-schema'
