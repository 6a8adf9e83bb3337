// The milestone engine: events in, Progress out. `evaluate` is the reference; the incremental evaluator
// reuses its per-milestone code and must always agree with it.
export { evaluate, nextChangeAt, type EvaluateOptions } from './evaluate'
export { UPSELL_CATEGORIES } from './build-progress'
export { DEFAULT_MIN_BEFORE } from './signals/usage-drop'
export { createIncrementalEvaluator, type IncrementalEvaluator, type IncrementalOptions, type ApplyResult } from './incremental'
export { AccountHistory } from './account-history'
export { accountEventReader } from './account-reads'
export { signalChangesBetween, type SignalChange } from './signals/changes'
