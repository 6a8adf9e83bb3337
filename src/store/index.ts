export * from './types'
export { createCairnStore } from './create-cairn-store'
export * from './selectors'
export { replaceEqualDeep } from './structural-sharing'
