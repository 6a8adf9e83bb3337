// Bundles `cairn/server` for Node: our own modules inlined (so extensionless TS imports need no rewriting),
// every npm dependency left external and resolved from the host's node_modules.
import { build } from 'esbuild'

await build({
  entryPoints: { index: 'src/server/index.ts', cli: 'src/server/cli.ts' },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  loader: { '.json': 'json' },
  logLevel: 'warning',
})
