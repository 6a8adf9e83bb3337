import type { Queryable, Storage } from '../../../src/server/storage'

/** The shared storage, with every statement it runs (inside transactions too) noted in `statements`. */
export function counting(storage: Storage): { storage: Storage; statements: string[] } {
  const statements: string[] = []
  const noted = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      statements.push(sql)
      return q.query(sql, params)
    },
  })
  return {
    statements,
    storage: { ...storage, ...noted(storage), transaction: (fn) => storage.transaction((tx) => fn(noted(tx))), close: async () => {} },
  }
}
