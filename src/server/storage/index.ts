// Storage room: one small interface, two backends (PGlite, Postgres) sharing the same SQL and migrations.
export type { Queryable, Storage } from './types'
export { openStorage, DEFAULT_DATA_DIR, type OpenStorageOptions } from './open-storage'
export { applyMigrations, MIGRATIONS, type Migration } from './migrations'
export { clientConfig, type PostgresConnectionConfig } from './postgres-connection'
export { findEvents, insertEvents, eventsForSubjects } from './events-table'
export { findSubjects, saveSubjects, usersOfAccounts, hasSubjects, compareKeys } from './subjects-table'
export { readSubjectStates, writeProgress, bumpProgressVersions, loadCohort, loadCohortChanges, type StoredProgress, type SubjectState, type CohortRow, type ProgressRow } from './progress-table'
export { readProgressInputs, type ProgressInputs, type ProgressReads, type ProgressReadOptions } from './progress-reads'
export { earliestScheduledChange, claimDueSubjects } from './schedule-table'
export { recordSignalChanges, readSignalHistory, type SignalChangeRow, type SignalHistoryEntry, type SignalHistoryQuery } from './signal-history-table'
export { insertCelebrations, pendingCelebrations, pendingCelebrationsOf, markCelebrationSeen, markAllCelebrationsSeen } from './celebrations-table'
export { readAssignments, recordAssignments, type AssignmentRow } from './assignments-table'
export { retainedUnits, usersWithWindowEvents } from './retention'
export { StorageUnavailableError, UnstorableInputError, isOutage, retryConflicts } from './failures'
export { insertShare, findShare, findLiveShare, revokeShare, type StoredShare } from './shares-table'
export { insertStreamTicket, redeemStreamTicket, pruneStreamTickets, type TicketRedemption } from './stream-tickets-table'
export {
  insertVersion, replaceVersion, findVersion, listVersions, latestPublished, recordActivation, activeVersion, listActivations,
  readCarried, writeCarried, allSubjectIds, loadPopulation, type StoredVersion, type StoredActivation, type PreviewMember,
} from './program-versions-table'
