import { transform } from 'esbuild'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const root = import.meta.dirname
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> }
const DEPENDENCIES = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]

/**
 * Ships `cairn/styles.css` as one minified file: the widget's styles with their `@import`s inlined. JS never imports
 * the CSS (hosts opt in with one import), so Vite would not emit it on its own.
 */
function bundledStyles(entry: string): Plugin {
  const inline = (file: string): string =>
    readFileSync(file, 'utf8').replace(/@import\s+['"](.+?)['"];/g, (_, path: string) => inline(resolve(dirname(file), path)))
  return {
    name: 'cairn-bundled-styles',
    apply: 'build',
    async generateBundle() {
      // Minified like the JS: comments and whitespace are a quarter of the gzipped stylesheet.
      const { code } = await transform(inline(entry), { loader: 'css', minify: true })
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: code })
    },
  }
}

const LIBRARY_DIRS = ['react', 'store', 'client'].map((dir) => resolve(root, 'src', dir))

/**
 * Files only the lazy chunks (celebrations, digest, share) use. They import React directly: were they to share the
 * React module with the first load, an app's code splitting would put it in a chunk shared by both.
 */
const LAZY_ONLY = /[\\/](celebrations[\\/](celebration-(chunk|view|dialog|toasts|queue|messages|motion)|reduced-motion|share-action|badge-share)|components[\\/](digest-result|signal-nudge-view|progress-change|benchmark-view))\.tsx?$/

/** True for a `react` import of one of the library's own files: `sharedReactImports` resolves it, not `external`. */
const routedThroughSharedReact = (source: string, importer: string | undefined): boolean =>
  (source === 'react' || source === 'react/jsx-runtime') &&
  importer !== undefined &&
  LIBRARY_DIRS.some((dir) => importer.startsWith(dir)) &&
  !LAZY_ONLY.test(importer)

/** Runtime names the library's own files import from `react` (type-only imports left out). */
function reactNamesImportedBy(dirs: string[]): string[] {
  const names = new Set<string>()
  for (const dir of dirs) {
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(file)) continue
      for (const [, list] of readFileSync(join(dir, file), 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'react'/g)) {
        for (const spec of list!.split(',')) {
          const name = spec.trim().split(/\s+as\s+/)[0]!
          if (name && !name.startsWith('type ')) names.add(name)
        }
      }
    }
  }
  names.delete('Fragment')
  return [...names].sort()
}

/**
 * Sends every `react` and `react/jsx-runtime` import of the library through one module (`_virtual/react.js`).
 * With one file per source module, a bundler that keeps React external (size-limit, a page loading React from
 * a CDN) would otherwise keep one import statement per file: ≈ 45 statements, 0.5 KB gzip of the first load.
 */
function sharedReactImports(dirs: string[]): Plugin {
  const ID = '\0react'
  return {
    name: 'cairn-shared-react-imports',
    apply: (config, { command }) => command === 'build' && config.build?.lib !== undefined && config.build.lib !== false,
    enforce: 'pre',
    resolveId(source, importer) {
      return routedThroughSharedReact(source, importer) ? ID : undefined
    },
    load(id) {
      if (id !== ID) return undefined
      return `export { ${reactNamesImportedBy(dirs).join(', ')} } from 'react'\nexport { Fragment, jsx, jsxs } from 'react/jsx-runtime'\n`
    },
  }
}

// `vite` serves the demo product (index.html → src/demo); `vite build` builds the library.
export default defineConfig({
  plugins: [react(), bundledStyles(resolve(root, 'src/react/styles.css')), sharedReactImports(LIBRARY_DIRS)],
  // public/ holds msw's worker for Storybook only; the library and the demo need none of it.
  publicDir: false,
  server: {
    port: Number(process.env.DEMO_PORT ?? 5173),
    strictPort: false,
    proxy: {
      '/v1': { target: `http://127.0.0.1:${process.env.PORT ?? 8787}`, changeOrigin: false },
      '/demo-api': { target: `http://127.0.0.1:${process.env.PORT ?? 8787}`, changeOrigin: false },
      '/s/': { target: `http://127.0.0.1:${process.env.PORT ?? 8787}`, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist/lib',
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      entry: {
        cairn: resolve(root, 'src/react/index.ts'),
        core: resolve(root, 'src/core/index.ts'),
        local: resolve(root, 'src/client/local/index.ts'),
      },
      formats: ['es'],
    },
    rollupOptions: {
      // Dependencies stay imports: the host's bundler resolves and dedupes them (size-limit still counts them).
      external: (id, importer) => !routedThroughSharedReact(id, importer) && DEPENDENCIES.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      // One output file per source module: entries share modules without a merged chunk dragging zod
      // (needed by `cairn/core`) into the widget's first load, and hosts' bundlers tree-shake per file.
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
})
