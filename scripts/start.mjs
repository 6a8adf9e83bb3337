// `npm start`: registers tsx in this process and runs the TypeScript start script, so the API, the demo
// backend and the Vite dev server all live in one process that Ctrl-C stops cleanly.
import { register } from 'tsx/esm/api'

register()
await import('./start.ts')
