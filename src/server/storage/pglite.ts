import { PGlite } from '@electric-sql/pglite'
import { mkdirSync } from 'node:fs'
import { lockDataDir } from './data-dir-lock'
import { classified } from './failures'
import type { Queryable, Storage } from './types'

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
  const run = async <Row>(target: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]): Promise<Row[]> =>
    (await target.query<Row>(sql, params ? [...params] : undefined)).rows

  return {
    kind: 'pglite',
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
