// Storage room: one small interface, two backends (PGlite, Postgres) sharing the same SQL and migrations.
export type { Queryable, Storage } from './types'
export { openStorage, DEFAULT_DATA_DIR, type OpenStorageOptions } from './open-storage'
export { applyMigrations, MIGRATIONS, type Migration } from './migrations'
export { clientConfig, type PostgresConnectionConfig } from './postgres'
export { findEvents, insertEvents, eventsForSubjects } from './events-table'
export { findSubjects, saveSubjects, usersOfAccounts, hasSubjects } from './subjects-table'
export { readSubjectStates, writeProgress, loadCohort, type StoredProgress, type SubjectState, type CohortRow } from './progress-table'
export { insertCelebrations, pendingCelebrations, markCelebrationSeen, markAllCelebrationsSeen } from './celebrations-table'
