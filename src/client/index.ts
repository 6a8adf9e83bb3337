export * from './source'
export * from './http'
export * from './local'
