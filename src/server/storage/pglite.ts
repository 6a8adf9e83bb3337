import { PGlite } from '@electric-sql/pglite'
import { mkdirSync } from 'node:fs'
import { lockDataDir } from './data-dir-lock'
import { classified } from './failures'
import type { Queryable, Storage } from './types'

/** Only a plain `SELECT` is known not to write; anything else (DML, DDL, `FOR UPDATE`) counts as a write. */
function mayWrite(sql: string): boolean {
  return !/^\s*SELECT\b/i.test(sql) || /\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE)\b/i.test(sql)
}

/**
 * Embedded Postgres (WASM). On disk it writes through Node's fs on every commit: PGlite syncs its
 * filesystem after each statement unless `relaxedDurability` is on, and we pin it off so a resolved
 * commit has reached the data directory (a SIGKILL right after cannot lose it).
 */
export async function openPgliteStorage(options: { dataDir?: string }): Promise<Storage> {
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true })
  const unlock = options.dataDir === undefined ? () => {} : lockDataDir(options.dataDir)
  const db = await PGlite.create({ dataDir: options.dataDir, relaxedDurability: false }).catch((error: unknown) => {
    unlock()
    throw error
  })
  // Counted before and after: a read that ran while a write was under way is never taken for what is stored.
  let writes = 0
  const run = async <Row>(target: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]): Promise<Row[]> => {
    const writing = mayWrite(sql)
    if (writing) writes++
    try {
      return (await target.query<Row>(sql, params ? [...params] : undefined)).rows
    } finally {
      if (writing) writes++
    }
  }

  return {
    kind: 'pglite',
    writeCount: () => writes,
    query: <Row,>(sql: string, params?: readonly unknown[]) => classified(run<Row>(db, sql, params)),
    transaction: (fn) =>
      classified(
        db.transaction((tx) => {
          const scoped: Queryable = { query: (sql, params) => run(tx, sql, params) }
          return fn(scoped)
        }),
      ),
    close: async () => {
      if (!db.closed) await db.close()
      unlock()
    },
  }
}
