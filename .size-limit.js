// Bundle budgets, checked by `npm run test:size` (vite build && size-limit). A .js config rather than .json:
// only code can tell esbuild to leave the lazily imported chunks (celebrations, locales, digest) out of the first-load number.

/** Keeps dynamic `import()`s external, so "first load" counts only what a page pays before the first celebration. */
const lazyChunksExternal = {
  name: 'lazy-chunks-external',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined))
  },
}

const firstLoadOnly = (config) => ({ ...config, plugins: [...(config.plugins ?? []), lazyChunksExternal] })

export default [
  {
    name: 'cairn entry (first load)',
    path: 'dist/lib/cairn.js',
    import: '*',
    ignore: ['react', 'react-dom', 'react/jsx-runtime'],
    // 16 KB before React 18.3 support: its forwardRef wrappers (React 19 takes `ref` as a prop) cost ≈ 0.1 KB.
    limit: '16.2 KB',
    gzip: true,
    modifyEsbuildConfig: firstLoadOnly,
  },
  {
    // The one celebration chunk, loaded with import() on a provider's first pending celebration: the queue and
    // policy, toasts, the dialog, motion and canvas-confetti. Shared modules (already in the first load) are
    // counted again here.
    name: 'celebration chunk (lazy)',
    path: 'dist/lib/react/celebrations/celebration-chunk.js',
    import: '*',
    ignore: ['react', 'react-dom', 'react/jsx-runtime'],
    limit: '46 KB',
    gzip: true,
  },
  {
    // `cairn/locales/de`: loaded with import() for a German locale, or imported by hosts that render on the server.
    name: 'German locale (lazy)',
    path: 'dist/lib/react/i18n/de.js',
    limit: '2 KB',
    gzip: true,
  },
]
