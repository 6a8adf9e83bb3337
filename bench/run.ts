// `npm run bench`: each benchmark prints its baseline, candidate and the ratio between them.
import { engineBenchmarks } from './engine.bench'
import { report } from './harness'

const benchmarks = [...engineBenchmarks]
for (const bench of benchmarks) report(await bench())
