/** Anything that runs one parameterised SQL statement: the storage itself or an open transaction. */
export interface Queryable {
  /** Runs one statement with `$1…` placeholders and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>
}

/**
 * The whole database surface the service needs. PGlite and Postgres implement it with the same SQL,
 * so everything above this line is backend-agnostic.
 */
export interface Storage extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Postgres only: where a dedicated LISTEN connection can connect (the bus needs its own client). */
  readonly connection?: { connectionString: string; schema?: string }
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. On Postgres a
   * deadlock or serialization failure runs `fn` again (a few times), so `fn` must keep its effects inside the
   * transaction. Errors come out classified: `StorageUnavailableError` (database away or busy → 503) and
   * `UnstorableInputError` (a value the database refuses); others as thrown.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /**
   * Embedded only, where this process is the only writer (the data-dir lock): how many statements that may write
   * have started or finished so far. While it stands still, what was read is what is stored, so reads may be kept in
   * memory. Undefined on Postgres, where other processes write too.
   */
  readonly writeCount?: () => number
  close(): Promise<void>
}
