// `npm run bench`: each benchmark prints its baseline, candidate and the ratio between them.
// `npm run bench -- engine` runs only the benchmarks whose group matches (`size` needs `npm run build` first).
import { accountsBenchmarks } from './accounts.bench'
import { cohortBenchmarks } from './cohort.bench'
import { engineBenchmarks } from './engine.bench'
import { report, type BenchResult } from './harness'
import { programPreviewBenchmarks } from './program-preview.bench'
import { renderBenchmarks } from './render.bench'
import { serverBenchmarks } from './server.bench'
import { sizeBenchmarks } from './size.bench'

const groups = {
  engine: engineBenchmarks, server: serverBenchmarks, cohort: cohortBenchmarks, accounts: accountsBenchmarks, size: sizeBenchmarks, preview: programPreviewBenchmarks,
  render: renderBenchmarks,
}
const only = process.argv[2]
for (const [group, benchmarks] of Object.entries(groups)) {
  if (only && group !== only) continue
    for (const bench of benchmarks) {
    const results: BenchResult | BenchResult[] = await bench()
    for (const result of Array.isArray(results) ? results : [results]) report(result)
  }
}
