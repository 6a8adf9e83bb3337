export { computeBenchmarks, DEFAULT_MIN_COHORT, type CohortMember, type ComputeBenchmarksInput } from './compute-benchmarks'
export { percentileAmong, median } from './stats'
