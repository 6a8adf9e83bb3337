// Messages between the load bench and the server process it starts (`server-process.ts`).

export const API_KEY = 'bench-api-key-0123456789abcdef'
export const SECRET = 'bench-signing-secret-0123456789abcdef'

/** Passed to the server process in `BENCH_CHILD` (JSON). */
export interface ChildStart {
  /** Postgres connection string; PGlite in memory without it. */
  databaseUrl?: string
  /** Synthetic seed accounts besides the personas (300 gives the demo's 839 subjects). */
  accounts: number
  /** How many user tokens to mint (one SSE stream each). */
  users: number
}

export type ChildRequest =
  | { type: 'rss'; id: number }
  | { type: 'cpu'; id: number }
  | { type: 'raw-insert'; id: number; batch: number; seconds: number }
  | { type: 'close'; id: number }

export interface BenchUser {
  userId: string
  accountId: string | undefined
  token: string
}

export type ChildReply =
  | { type: 'ready'; port: number; helloPort: number; users: BenchUser[]; subjects: number; accounts: number }
  | { type: 'rss'; id: number; rss: number }
  /** `process.cpuUsage()`, user + system, in microseconds since the process started. */
  | { type: 'cpu'; id: number; micros: number }
  | { type: 'raw-insert'; id: number; eventsPerSecond: number }
