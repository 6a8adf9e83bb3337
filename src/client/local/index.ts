// Public door of `cairn/local`: the core engine running in the browser, persisted in localStorage. Kept out
// of the main `cairn` entry because it brings the engine and zod, which a widget talking to the API never needs.
export { localSource, DEFAULT_LOCAL_USER_ID, type LocalSource, type LocalSourceOptions } from './local-source'
export { memoryStorage, STORAGE_VERSION, type StorageLike } from './storage'
export type { Source, SourceListener, SourceSnapshot, TrackInput } from '../source'
