// Seed room: demo personas and a deterministic synthetic cohort, ingested through the service.
export { seedDemo, isSeeded, type SeedOptions, type SeedSummary } from './seed-demo'
export { generateCohort, type CohortOptions, type SeedAccount } from './cohort'
export { personaAccounts, PERSONAS } from './personas'
export { createRandom, type Random } from './prng'
export { timelineEvents, type Archetype } from './timelines'
