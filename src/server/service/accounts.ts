import { ACCOUNT_SEGMENTS, buildAccountView, partitionPoint, type AccountRow, type AccountSegment, type AccountViewEntry, type Program } from '../../core'
import { loadCohort, type Storage } from '../storage'
import { invalidBody } from './errors'

/** The view is rebuilt from every stored snapshot at most this often; customer success reads it, nobody waits on it live. */
export const ACCOUNT_VIEW_TTL_MS = 30_000
export const DEFAULT_ACCOUNTS_LIMIT = 50
export const MAX_ACCOUNTS_LIMIT = 500

/** One page of `GET /v1/accounts`. */
export interface AccountsPage {
  accounts: AccountRow[]
  nextCursor?: string
}

/** Query parameters as received (strings or absent); validated here so the route stays thin. */
export interface AccountsQuery {
  segment?: string
  limit?: string
  cursor?: string
}

/** Pages through the accounts view (DESIGN §7.4), built once per TTL and shared by every request. */
export function createAccountsView(program: Program, storage: Storage, ttlMs = ACCOUNT_VIEW_TTL_MS) {
  let builtAt = -Infinity
  let view: AccountViewEntry[] = []
  let building: Promise<AccountViewEntry[]> | undefined

  const current = async (now: Date): Promise<AccountViewEntry[]> => {
    if (now.getTime() - builtAt < ttlMs) return view
    building ??= loadCohort(storage, program.id)
      .then((rows) => {
        view = buildAccountView(program, rows, now)
        builtAt = now.getTime()
        return view
      })
      .finally(() => (building = undefined))
    return building
  }

  return {
    async page(query: AccountsQuery, now: Date): Promise<AccountsPage> {
      const { segment, limit, after } = parseQuery(query)
      const entries = (await current(now)).filter((e) => e.segments.has(segment))
      const start = after === undefined ? 0 : partitionPoint(entries.length, (i) => entries[i]!.row.accountId <= after)
      const slice = entries.slice(start, start + limit)
      const more = start + limit < entries.length
      return { accounts: slice.map((e) => e.row), ...(more && slice.length > 0 && { nextCursor: encodeCursor(slice.at(-1)!.row.accountId) }) }
    },
  }
}

function parseQuery(query: AccountsQuery): { segment: AccountSegment; limit: number; after?: string } {
  const errors: { path: string; message: string }[] = []
  const segment = (query.segment ?? 'all') as AccountSegment
  if (!ACCOUNT_SEGMENTS.includes(segment)) errors.push({ path: 'segment', message: `must be one of ${ACCOUNT_SEGMENTS.join(', ')}` })
  const limit = query.limit === undefined ? DEFAULT_ACCOUNTS_LIMIT : Number(query.limit)
  if (!/^\d+$/.test(query.limit ?? '1') || limit < 1 || limit > MAX_ACCOUNTS_LIMIT) errors.push({ path: 'limit', message: `must be an integer from 1 to ${MAX_ACCOUNTS_LIMIT}` })
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor)
  if (after === null) errors.push({ path: 'cursor', message: 'is not a cursor from a previous page' })
  if (errors.length > 0) throw invalidBody('The query is not valid.', errors)
  return { segment, limit, ...(after !== undefined && after !== null && { after }) }
}

/** Cursors are opaque to clients: the last account id of the page, so a page boundary survives rebuilds of the view. */
function encodeCursor(accountId: string): string {
  return Buffer.from(JSON.stringify({ after: accountId }), 'utf8').toString('base64url')
}

function decodeCursor(cursor: string): string | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown }
    return typeof value.after === 'string' ? value.after : null
  } catch {
    return null
  }
}
