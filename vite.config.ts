import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

const root = import.meta.dirname
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; peerDependencies: Record<string, string> }
const DEPENDENCIES = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]

/**
 * Ships `cairn/styles.css` as one file: the widget's styles with their `@import`s inlined. JS never imports
 * the CSS (hosts opt in with one import), so Vite would not emit it on its own.
 */
function bundledStyles(entry: string): Plugin {
  const inline = (file: string): string =>
    readFileSync(file, 'utf8').replace(/@import\s+['"](.+?)['"];/g, (_, path: string) => inline(resolve(dirname(file), path)))
  return {
    name: 'cairn-bundled-styles',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: inline(entry) })
    },
  }
}

// `vite` serves the demo product (index.html → src/demo); `vite build` builds the library.
export default defineConfig({
  plugins: [react(), bundledStyles(resolve(root, 'src/react/styles.css'))],
  // public/ holds msw's worker for Storybook only; the library and the demo need none of it.
  publicDir: false,
  server: {
    port: Number(process.env.DEMO_PORT ?? 5173),
    strictPort: false,
    proxy: {
      '/v1': { target: `http://127.0.0.1:${process.env.PORT ?? 8787}`, changeOrigin: false },
      '/demo-api': { target: `http://127.0.0.1:${process.env.PORT ?? 8787}`, changeOrigin: false },
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
      external: (id) => DEPENDENCIES.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      // One output file per source module: entries share modules without a merged chunk dragging zod
      // (needed by `cairn/core`) into the widget's first load, and hosts' bundlers tree-shake per file.
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
})
