import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

const root = import.meta.dirname

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
      entry: { cairn: resolve(root, 'src/react/index.ts'), core: resolve(root, 'src/core/index.ts') },
      formats: ['es'],
    },
    rollupOptions: {
      external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', 'react-dom/server'],
    },
  },
})
