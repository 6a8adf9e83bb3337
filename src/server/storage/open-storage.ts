import { applyMigrations } from './migrations'
import { openPgliteStorage } from './pglite'
import { openPostgresStorage } from './postgres'
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
  const storage = databaseUrl
    ? await openPostgresStorage({ connectionString: databaseUrl, ...(options.schema !== undefined ? { schema: options.schema } : {}) })
    : await openPgliteStorage(options.memory ? {} : { dataDir: options.dataDir ?? process.env.CAIRN_DATA_DIR ?? DEFAULT_DATA_DIR })
  try {
    await applyMigrations(storage)
  } catch (error) {
    await storage.close()
    throw error
  }
  return storage
}
