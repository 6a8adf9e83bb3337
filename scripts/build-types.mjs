// Emits the published declarations (dist/types) and makes them resolve under `moduleResolution: node16/nodenext`
// as well as `bundler`: our sources import each other without extensions (Vite and esbuild resolve them), but
// Node-style resolution of an ESM package needs the full path, so every relative specifier in the emitted
// .d.ts files becomes `./x.js` or `./x/index.js` (TypeScript maps those back to the .d.ts files beside them).
// Chosen over bundled declarations: no extra tool, and types shared by two entries stay one declaration.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const OUT = resolve(import.meta.dirname, '../dist/types')
rmSync(OUT, { recursive: true, force: true })
execFileSync(process.execPath, [resolve(import.meta.dirname, '../node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' })

// `from './x'`, `import('./x')` and `export … from '../x'`; comments are skipped line by line below.
const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g

function withExtension(file, specifier) {
  if (/\.(js|json)$/.test(specifier)) return specifier
  const base = resolve(dirname(file), specifier)
  if (existsSync(`${base}.d.ts`)) return `${specifier}.js`
  if (existsSync(join(base, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`
  throw new Error(`${file}: cannot resolve "${specifier}" to a declaration file`)
}

function rewrite(file) {
  const lines = readFileSync(file, 'utf8').split('\n')
  const out = lines.map((line) =>
    /^\s*(\*|\/\/|\/\*)/.test(line) ? line : line.replace(SPECIFIER, (_, lead, quote, spec) => `${lead}${quote}${withExtension(file, spec)}${quote}`),
  )
  writeFileSync(file, out.join('\n'))
}

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path)
    else if (entry.name.endsWith('.d.ts')) rewrite(path)
  }
}

walk(OUT)
