// The http side only: `localSource` (the core engine and zod, ≈ 50 KB) has its own door, `./local`
// (package export `cairn/local`), so a widget talking to the API never downloads the engine.
export * from './source'
export * from './http'
export { isAbortError, linkSignals } from './abort'
