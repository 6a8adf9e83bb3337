import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'

// `vite` serves the demo product (index.html → src/demo); `vite build` builds the library.
export default defineConfig({
  plugins: [react()],
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
      entry: { cairn: resolve(import.meta.dirname, 'src/react/index.ts'), core: resolve(import.meta.dirname, 'src/core/index.ts') },
      formats: ['es'],
    },
    rollupOptions: {
      external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'],
    },
  },
})
