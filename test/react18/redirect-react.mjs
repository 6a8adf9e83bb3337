// Loaded with `--import` by the `dom-react18` test project: every load of `react` or `react-dom` — from our
// sources and from the dependencies Node loads itself (react-dom's own `require('react')`, motion, Testing
// Library) — gets the React 18.3 copies installed as `react-18` and `react-dom-18`. npm cannot nest a second
// React under react-dom-18 (peers must be siblings), hence a redirect at resolution rather than an install.
import Module, { register } from 'node:module'
import { toReact18Path } from './react18-paths.mjs'

register('./react18-esm-hooks.mjs', import.meta.url)

// CommonJS `require` does not pass through the ESM hooks on Node 20.
const resolveFilename = Module._resolveFilename
Module._resolveFilename = function resolveReact18(...args) {
  return toReact18Path(resolveFilename.apply(this, args))
}
