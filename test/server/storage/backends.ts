import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { demoProgram, type Program } from '../../../src/core'
import { createService, type CreateServiceOptions } from '../../../src/server/service'
import type { CairnService } from '../../../src/server/service-types'
import { openStorage, type Storage } from '../../../src/server/storage'

/** Set in CI (and locally: postgres://cairn:cairn@127.0.0.1:5432/cairn_test) to run every storage test on real Postgres too. */
export const POSTGRES_URL = process.env.CAIRN_TEST_DATABASE_URL

export interface Backend {
  name: 'pglite' | 'postgres'
  /** Opens storage for one test file (tests share it and keep apart by program id). */
  open(): Promise<Storage>
  /** Removes what `open` created (the Postgres schema of this run). */
  dispose(): Promise<void>
}

/** A schema per run keeps parallel runs on one database independent. */
export function uniqueSchema(): string {
  return `cairn_test_${process.pid}_${randomBytes(4).toString('hex')}`
}

function postgresBackend(url: string): Backend {
  const schema = uniqueSchema()
  return {
    name: 'postgres',
    open: () => openStorage({ databaseUrl: url, schema }),
    dispose: () => dropSchema(url, schema),
  }
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  } finally {
    await client.end()
  }
}

/** The backends available here: PGlite always, Postgres when `CAIRN_TEST_DATABASE_URL` is set. */
export function availableBackends(): Backend[] {
  const pglite: Backend = { name: 'pglite', open: () => openStorage({ memory: true }), dispose: async () => {} }
  return POSTGRES_URL ? [pglite, postgresBackend(POSTGRES_URL)] : [pglite]
}

/** Storage whose `close()` does nothing, so each test's service can close without closing the shared database. */
export function unclosable(storage: Storage): Storage {
  return { ...storage, close: async () => {} }
}

let programCounter = 0

/** The demo program under a fresh id: tables are keyed by program id, so each test starts from nothing. */
export function freshProgram(overrides: Partial<Program> = {}): Program {
  programCounter++
  return { ...demoProgram, ...overrides, id: `test-${programCounter}-${randomBytes(3).toString('hex')}` }
}

/** What a storage test suite shares: the backend's storage, and a way to start services on it. */
export interface StorageSuite {
  /** The storage opened for this suite (read it inside hooks and tests, not while collecting them). */
  readonly storage: Storage
  /** Starts a service on the shared storage; it is closed after the current test. */
  start(program?: Program, options?: Omit<CreateServiceOptions, 'program' | 'storage'>): Promise<CairnService>
}

/**
 * Call inside a `describe` per backend: opens the backend's storage before the suite and closes and disposes it
 * after, and closes every service started through `start` after each test, so tests keep apart by program id.
 * `defaults` apply to every service started (a test's own options win), e.g. the suite's clock.
 */
export function storageSuite(backend: Backend, defaults: Omit<CreateServiceOptions, 'program' | 'storage'> = {}): StorageSuite {
  let opened: Storage | undefined
  const services: CairnService[] = []
  const suite: StorageSuite = {
    get storage() {
      if (!opened) throw new Error(`${backend.name} storage is not open yet (use it inside hooks and tests)`)
      return opened
    },
    async start(program = freshProgram(), options = {}) {
      const service = await createService({ program, storage: unclosable(suite.storage), ...defaults, ...options })
      services.push(service)
      return service
    },
  }

  beforeAll(async () => {
    opened = await backend.open()
  })
  afterAll(async () => {
    await suite.storage.close()
    await backend.dispose()
  })
  afterEach(async () => {
    await Promise.all(services.splice(0).map((service) => service.close()))
  })
  return suite
}
