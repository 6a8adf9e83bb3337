import { build } from 'esbuild'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
/** What must never reach a widget that talks to the API: ≈ 30 KB of zod and the engine it does not run. */
const HEAVY = ['node_modules/zod/', 'src/core/engine/']

/** The files that contribute code to a minified bundle of `entry` (react external, as in the package). */
async function shippedFiles(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: ['react', 'react-dom', 'react/jsx-runtime'],
  })
  return Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  )
}

const heavyIn = (files: string[]) => files.filter((file) => HEAVY.some((heavy) => file.includes(heavy)))

describe('client bundle contents', () => {
  it('httpSource ships without zod or the engine', async () => {
    const files = await shippedFiles('src/client/index.ts')
    expect(files).toContain('src/client/http/http-source.ts')
    expect(heavyIn(files)).toEqual([])
  })

  it('localSource, behind its own door, still brings the engine (so the check above can see it)', async () => {
    const heavy = heavyIn(await shippedFiles('src/client/local/index.ts'))
    expect(heavy.some((file) => file.includes('node_modules/zod/'))).toBe(true)
    expect(heavy.some((file) => file.includes('src/core/engine/'))).toBe(true)
  })
})
