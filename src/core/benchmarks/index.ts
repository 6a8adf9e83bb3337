export { computeBenchmarks, DEFAULT_MIN_COHORT, MIN_STAGE_FOR_PERCENTILE_MS, PERCENTILE_RANGE, type CohortMember, type ComputeBenchmarksInput } from './compute-benchmarks'
export { percentileAmong, median } from './stats'
export { benchmarkClaims, type BenchmarkClaims, type BenchmarkClaimsInput } from './benchmark-claims'
export { createCohortDistribution, type CohortDistribution } from './cohort-distribution'
