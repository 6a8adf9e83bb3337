// The milestone engine: events in, Progress out. `evaluate` is the reference; the incremental evaluator
// reuses its per-milestone code and must always agree with it.
export { evaluate, type EvaluateOptions } from './evaluate'
export { createIncrementalEvaluator, type IncrementalEvaluator, type ApplyResult } from './incremental'
