export { localSource, DEFAULT_LOCAL_USER_ID, type LocalSource, type LocalSourceOptions } from './local-source'
export { memoryStorage, STORAGE_VERSION, type StorageLike } from './storage'
