import pg from 'pg'
import { classified, retryConflicts } from './failures'
import type { Queryable, Storage } from './types'

/** Enough connections for a busy API process; Postgres' default max_connections (100) fits several. */
const POOL_SIZE = 10
/** Distinct statements prepared per connection at most (the service has a few dozen). */
const MAX_PREPARED = 500
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/
/** Any constant; only has to be the same in every process creating schemas in this database. */
const SCHEMA_LOCK_KEY = 727_274_002

/** Postgres through a `pg` Pool. `schema` keeps independent installations (or test runs) apart in one database. */
export async function openPostgresStorage(options: { connectionString: string; schema?: string }): Promise<Storage> {
  const { connectionString, schema } = options
  if (schema !== undefined) await createSchema(connectionString, schema)
  const pool = new pg.Pool({
    connectionString,
    max: POOL_SIZE,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  })
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  // Parameterised statements are prepared once per connection under a name (parsing and planning a progress read
  // costs its server more than running it); the SQL texts are a fixed set, bounded here all the same.
  const names = new Map<string, string>()
  const nameOf = (sql: string): string | undefined => {
    let name = names.get(sql)
    if (name === undefined && names.size < MAX_PREPARED) names.set(sql, (name = `cairn_${names.size}`))
    return name
  }
  const run = async <Row>(target: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]): Promise<Row[]> => {
    const name = params === undefined ? undefined : nameOf(sql)
    const result = name === undefined ? await target.query(sql, params ? [...params] : undefined) : await target.query({ name, text: sql, values: [...params!] })
    return result.rows as Row[]
  }

  const once = async <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const scoped: Queryable = { query: (sql, params) => run(client, sql, params) }
      const result = await fn(scoped)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  return {
    kind: 'postgres',
    connection: { connectionString, ...(schema !== undefined ? { schema } : {}) },
    query: <Row,>(sql: string, params?: readonly unknown[]) => classified(run<Row>(pool, sql, params)),
    transaction: (fn) => classified(retryConflicts(() => once(fn))),
    close: () => pool.end(),
  }
}

async function createSchema(connectionString: string, schema: string): Promise<void> {
  // Identifiers cannot be parameters, so the name is checked against a strict pattern instead.
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}"`)
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    // IF NOT EXISTS alone still races when two processes start together; the lock serialises them.
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY])
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    await client.query('COMMIT')
  } finally {
    await client.end()
  }
}
