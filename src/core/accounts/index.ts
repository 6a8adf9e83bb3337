export { buildAccountView, ACCOUNT_SEGMENTS, DEFAULT_STALLED_DAYS, type AccountRow, type AccountSegment, type AccountViewEntry } from './account-view'
export { summarizeAccounts, type AccountSummary } from './account-summary'
export { paceOfAccounts, type Pace } from './pace'
export { AccountsPageSchema } from './schema'
