// Bundle budgets, checked by `npm run test:size` (vite build && size-limit). A .js config rather than .json:
// only code can tell esbuild to leave the lazily imported celebration chunk out of the first-load number.

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
    limit: '16 KB',
    gzip: true,
    modifyEsbuildConfig: firstLoadOnly,
  },
  {
    // Loaded with import() on the first big celebration only: motion's dialog frame and canvas-confetti.
    name: 'celebration chunk (lazy)',
    path: 'dist/lib/celebration-*.js',
    ignore: ['react', 'react-dom', 'react/jsx-runtime'],
    limit: '40 KB',
    gzip: true,
  },
]
