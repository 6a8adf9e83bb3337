// Public surface of `cairn/core`: pure TypeScript, no React, DOM or Node imports.
export * from './schemas'
export { parseProgram, type ParseProgramResult } from './parse-program'
export { type ValidationError, formatIssues, formatPath } from './validation-error'
export { isSafeHref } from './safe-href'
export { evaluate, type EvaluateOptions } from './engine'
export { createIncrementalEvaluator, type IncrementalEvaluator, type ApplyResult } from './engine'
