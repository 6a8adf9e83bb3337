// First load as an app's bundler sees it: `{ CairnProvider, ProgressWidget, httpSource }` from the built
// package, bundled by esbuild with code splitting (minified ESM, React external), gzip -9 over the entry and
// every chunk it imports statically. Lazy chunks' own modules stay out; modules they share with the page count.
import { build } from 'esbuild'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { BenchResult } from './harness'

const ROOT = resolve(import.meta.dirname, '..')
const REACT = ['react', 'react-dom', 'react/jsx-runtime']
/** Issue 18's targets: ≤ 1/8 of @frigade/react's 124,366 B first load, and the stylesheet under 3 KB. */
const JS_TARGET = 15_500
const CSS_TARGET = 3_000

const gzip = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length

/** Gzipped bytes of the first load of `exports` from dist/lib/cairn.js (run `npm run build` first). */
export async function firstLoadBytes(exports = '{ CairnProvider, ProgressWidget, httpSource }'): Promise<{ total: number; chunks: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-size-'))
  try {
    const entry = join(dir, 'entry.js')
    writeFileSync(entry, `export ${exports} from ${JSON.stringify(join(ROOT, 'dist/lib/cairn.js'))}\n`)
    const { metafile } = await build({ entryPoints: [entry], outdir: join(dir, 'out'), bundle: true, splitting: true, minify: true, format: 'esm', external: REACT, metafile: true, logLevel: 'silent' })
    const outputs = metafile.outputs
    const pending = Object.keys(outputs).filter((file) => resolve(outputs[file]!.entryPoint ?? '') === entry)
    const firstLoad = new Set<string>()
    while (pending.length > 0) {
      const file = pending.pop()!
      if (firstLoad.has(file)) continue
      firstLoad.add(file)
      for (const { kind, path } of outputs[file]!.imports) if (kind === 'import-statement' && outputs[path]) pending.push(path)
    }
    let total = 0
    for (const file of firstLoad) total += gzip(readFileSync(file))
    return { total, chunks: firstLoad.size }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function firstLoadSize(): Promise<BenchResult> {
  const { total, chunks } = await firstLoadBytes()
  return {
    name: 'size: first load of { CairnProvider, ProgressWidget, httpSource } (esbuild, code splitting, gzip -9)',
    baseline: { label: 'target (1/8 of @frigade/react)', ms: JS_TARGET },
    candidate: { label: `cairn, ${chunks} file(s)`, ms: total },
    unit: 'B',
  }
}

export async function stylesheetSize(): Promise<BenchResult> {
  return {
    name: 'size: cairn/styles.css (gzip -9)',
    baseline: { label: 'target', ms: CSS_TARGET },
    candidate: { label: 'dist/lib/styles.css', ms: gzip(readFileSync(join(ROOT, 'dist/lib/styles.css'))) },
    unit: 'B',
  }
}

export const sizeBenchmarks = [firstLoadSize, stylesheetSize]
