// Kept apart from postgres.ts so that importing the storage room never loads `pg` (an optional peer dependency).

/** What a `pg.Client` needs to connect; our own shape, so the published declarations never name `pg`'s types. */
export interface PostgresConnectionConfig {
  connectionString: string
  /** Startup options, e.g. `-c search_path=…`. */
  options?: string
  /** Names the connection in `pg_stat_activity`. */
  application_name?: string
}

/** Options for a `pg.Client` that sees the same schema as the storage (used by the LISTEN connection). */
export function clientConfig(connection: { connectionString: string; schema?: string }): PostgresConnectionConfig {
  return {
    connectionString: connection.connectionString,
    ...(connection.schema !== undefined ? { options: `-c search_path=${connection.schema}` } : {}),
  }
}
