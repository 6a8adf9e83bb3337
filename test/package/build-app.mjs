// `node build-app.mjs <app dir>`: builds a consumer app with this repository's Vite and React plugin (what any
// Vite + React app uses); every import of the app itself resolves from the app's own node_modules.
import react from '@vitejs/plugin-react'
import { build } from 'vite'

const root = process.argv[2]
await build({ root, configFile: false, logLevel: 'warn', plugins: [react()], build: { outDir: 'dist', emptyOutDir: true } })
