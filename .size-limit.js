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
    // Loaded with import() on a provider's first pending celebration: the queue and policy, the toasts and the
    // dialog loader (the dialog and confetti below load later, on a big moment only). Shared modules counted again.
    name: 'celebration runtime (lazy)',
    path: 'dist/lib/react/celebrations/celebration-runtime.js',
    import: '*',
    ignore: ['react', 'react-dom', 'react/jsx-runtime'],
    limit: '5.6 KB',
    gzip: true,
    modifyEsbuildConfig: firstLoadOnly,
  },
  {
    // Loaded with import() on the first big celebration only: the dialog (celebration-modal) and, beside it,
    // motion's animated frame with canvas-confetti (celebration-chunk). Shared modules are counted again here.
    name: 'celebration chunks (lazy)',
    path: ['dist/lib/react/celebrations/celebration-modal.js', 'dist/lib/react/celebrations/celebration-chunk.js'],
    ignore: ['react', 'react-dom', 'react/jsx-runtime'],
    limit: '40 KB',
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
