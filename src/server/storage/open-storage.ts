import { importWithPeers, PGLITE_PACKAGE, POSTGRES_PACKAGE } from '../peers'
import { applyMigrations } from './migrations'
import type { Storage } from './types'

/** Where the embedded database lives when nothing else is configured (relative to the working directory). */
export const DEFAULT_DATA_DIR = '.cairn/data'

/** Which database `openStorage` opens. */
export interface OpenStorageOptions {
  /** Postgres connection string; when set, Postgres is used. @default process.env.DATABASE_URL */
  databaseUrl?: string
  /** Postgres schema to use (created when missing). @default the connection's search_path */
  schema?: string
  /** PGlite data directory. @default process.env.CAIRN_DATA_DIR ?? '.cairn/data' */
  dataDir?: string
  /** PGlite in memory (tests): nothing touches the disk. @default false */
  memory?: boolean
}

/** Opens Postgres (when a URL is given) or embedded PGlite, and applies pending migrations. */
export async function openStorage(options: OpenStorageOptions = {}): Promise<Storage> {
  const databaseUrl = options.databaseUrl ?? (options.memory || options.dataDir ? undefined : process.env.DATABASE_URL)
  const storage = await openDriver(databaseUrl, options)
  try {
    await applyMigrations(storage)
  } catch (error) {
    await storage.close()
    throw error
  }
  return storage
}

// Each driver is loaded only when chosen: hosts install `pg` or `@electric-sql/pglite`, not necessarily both.
async function openDriver(databaseUrl: string | undefined, options: OpenStorageOptions): Promise<Storage> {
  if (databaseUrl) {
    const { openPostgresStorage } = await importWithPeers(() => import('./postgres'), [POSTGRES_PACKAGE], 'Postgres storage (a database URL is set)')
    return openPostgresStorage({ connectionString: databaseUrl, ...(options.schema !== undefined ? { schema: options.schema } : {}) })
  }
  const { openPgliteStorage } = await importWithPeers(() => import('./pglite'), [PGLITE_PACKAGE], 'The embedded database (no database URL is set)')
  return openPgliteStorage(options.memory ? {} : { dataDir: options.dataDir ?? process.env.CAIRN_DATA_DIR ?? DEFAULT_DATA_DIR })
}
