// The files of a fresh consumer: a Vite + React app that installs the packed tarball and uses every browser
// entry the way the README shows, written so it type-checks under `bundler` and `node16` resolution alike.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const COMPILER_OPTIONS = {
  target: 'ES2022',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  jsx: 'react-jsx',
  strict: true,
  // The point of the check: our declarations are read, not skipped.
  skipLibCheck: false,
  noEmit: true,
  types: [],
}

const APP = `import { version } from 'react'
import { CairnProvider, ProgressWidget, type ProgressWidgetProps } from 'cairn'
import { demoProgram } from 'cairn/core'
import { localSource, memoryStorage } from 'cairn/local'
import { de } from 'cairn/locales/de'

// Resolved declarations, not \`any\`: a wrong prop value must not type-check.
// @ts-expect-error 'year' is not a digest period
export const wrongDigest: ProgressWidgetProps = { digest: 'year' }
export const german: string = de.widgetTitle

const source = localSource({ program: demoProgram, storage: memoryStorage() })
const GETTING_STARTED = ['project_created', 'task_added', 'task_added', 'task_added', 'task_added', 'task_added', 'teammate_invited']

export function App() {
  const finish = () => {
    for (const name of GETTING_STARTED) void source.track({ name })
  }
  return (
    <main data-react-version={version}>
      <button type="button" onClick={finish}>
        Finish getting started
      </button>
      <CairnProvider source={source}>
        <ProgressWidget />
      </CairnProvider>
    </main>
  )
}
`

const MAIN = `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'cairn/styles.css'
import { App } from './App.js'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
`

// A host backend: needs only what the README asks it to install (no \`pg\`, no PGlite types).
const SERVER = `import { createServer, createUserToken, type CairnServer } from 'cairn/server'

export function start(): Promise<CairnServer> {
  return createServer({ apiKey: 'key', signingSecret: 'a-signing-secret-of-at-least-32-chars', memory: true })
}

export function token(): Promise<string> {
  return createUserToken({ secret: 'a-signing-secret-of-at-least-32-chars', userId: 'u1', signedUpAt: new Date() })
}

export function wrong() {
  // @ts-expect-error the API key is required
  return createServer({ signingSecret: 'a-signing-secret-of-at-least-32-chars' })
}
`

function write(dir: string, path: string, content: string) {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), content)
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/** Writes the app into `dir` (an empty folder). */
export function writeConsumerApp(dir: string, name: string): void {
  write(dir, 'package.json', json({ name, private: true, type: 'module' }))
  write(dir, 'index.html', '<!doctype html>\n<html lang="en">\n  <body>\n    <div id="root"></div>\n    <script type="module" src="/src/main.tsx"></script>\n  </body>\n</html>\n')
  write(dir, 'src/App.tsx', APP)
  write(dir, 'src/main.tsx', MAIN)
  write(dir, 'src/css.d.ts', "declare module '*.css'\n")
  const include = ['src/App.tsx', 'src/main.tsx', 'src/css.d.ts']
  write(dir, 'tsconfig.bundler.json', json({ compilerOptions: { ...COMPILER_OPTIONS, module: 'ESNext', moduleResolution: 'Bundler' }, include }))
  write(dir, 'tsconfig.node16.json', json({ compilerOptions: { ...COMPILER_OPTIONS, module: 'Node16', moduleResolution: 'Node16' }, include }))
}

/** Adds a server file and its own node16 type-check config (once the server's packages are installed). */
export function writeConsumerServer(dir: string): void {
  write(dir, 'src/server.ts', SERVER)
  write(dir, 'tsconfig.server.json', json({ compilerOptions: { ...COMPILER_OPTIONS, module: 'Node16', moduleResolution: 'Node16' }, include: ['src/server.ts'] }))
}
