import type { Queryable } from './types'

/** What a share link shows: a snapshot taken when it was created (DESIGN §7.5). */
export interface StoredShare {
  id: string
  userId: string
  kind: 'milestone' | 'level' | 'badge'
  refId: string
  /** The achievement's title in the program's default language, as it read when shared. */
  title: string
  firstName?: string
  createdAt: string
  /** Set once revoked; the page then answers 410. */
  revokedAt?: string
}

interface ShareRow {
  id: string
  user_id: string
  kind: StoredShare['kind']
  ref_id: string
  title: string
  first_name: string | null
  created_at: Date | string
  revoked_at: Date | string | null
}

const iso = (value: Date | string): string => new Date(value).toISOString()

const SHARE_COLUMNS = 'id, user_id, kind, ref_id, title, first_name, created_at, revoked_at'

function fromRow(row: ShareRow): StoredShare {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    refId: row.ref_id,
    title: row.title,
    ...(row.first_name !== null && { firstName: row.first_name }),
    createdAt: iso(row.created_at),
    ...(row.revoked_at !== null && { revokedAt: iso(row.revoked_at) }),
  }
}

export async function insertShare(q: Queryable, programId: string, share: StoredShare): Promise<void> {
  await q.query(
    `INSERT INTO shares (program_id, id, user_id, kind, ref_id, title, first_name, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [programId, share.id, share.userId, share.kind, share.refId, share.title, share.firstName ?? null, share.createdAt],
  )
}

/**
 * The user's newest live (unrevoked) share of this achievement under this first name, if any: sharing the same
 * thing again — or a retry after a lost response — returns it instead of publishing a second page.
 */
export async function findLiveShare(q: Queryable, programId: string, share: Pick<StoredShare, 'userId' | 'kind' | 'refId' | 'firstName'>): Promise<StoredShare | undefined> {
  const [row] = await q.query<ShareRow>(
    `SELECT ${SHARE_COLUMNS} FROM shares
      WHERE program_id = $1 AND user_id = $2 AND kind = $3 AND ref_id = $4 AND first_name IS NOT DISTINCT FROM $5 AND revoked_at IS NULL
      ORDER BY created_at DESC, id LIMIT 1`,
    [programId, share.userId, share.kind, share.refId, share.firstName ?? null],
  )
  return row && fromRow(row)
}

/** The share with this id, revoked or not; undefined when there is none. */
export async function findShare(q: Queryable, programId: string, id: string): Promise<StoredShare | undefined> {
  const [row] = await q.query<ShareRow>(`SELECT ${SHARE_COLUMNS} FROM shares WHERE program_id = $1 AND id = $2`, [programId, id])
  return row && fromRow(row)
}

/** Revokes the user's own share (again is fine); false when there is no such share of this user. */
export async function revokeShare(q: Queryable, programId: string, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await q.query(
    `UPDATE shares SET revoked_at = COALESCE(revoked_at, $4)
      WHERE program_id = $1 AND user_id = $2 AND id = $3
      RETURNING id`,
    [programId, userId, id, at.toISOString()],
  )
  return rows.length > 0
}
