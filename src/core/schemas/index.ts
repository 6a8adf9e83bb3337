export * from './program'
export * from './event'
export * from './progress'
export * from './insights'
