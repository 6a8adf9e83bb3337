import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { createPostgresBus, type ProgressChange } from '../../../src/server/bus'
import { clientConfig, MIGRATIONS, openStorage, type Storage } from '../../../src/server/storage'
import { dropSchema, POSTGRES_URL, uniqueSchema } from './backends'

describe.skipIf(!POSTGRES_URL)('Postgres: concurrent start-up and the LISTEN connection', () => {
  const schema = uniqueSchema()
  const opened: Storage[] = []

  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()))
    await dropSchema(POSTGRES_URL!, schema)
  })

  it('migrates once when two processes start at the same moment', async () => {
    const both = await Promise.all([openStorage({ databaseUrl: POSTGRES_URL, schema }), openStorage({ databaseUrl: POSTGRES_URL, schema })])
    opened.push(...both)
    const rows = await both[0].query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
    expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version))
  })

  it('reconnects its LISTEN connection after losing it and hears other processes again', async () => {
    const storage = opened[0]!
    const applicationName = `cairn-test-${randomBytes(4).toString('hex')}`
    const listener = createPostgresBus({ client: { ...clientConfig(storage.connection!), application_name: applicationName }, notifier: storage })
    const sender = createPostgresBus({ client: clientConfig(storage.connection!), notifier: storage })
    try {
      await Promise.all([listener.ready(), sender.ready()])
      const resynced = new Promise<void>((resolve) => listener.subscribe(() => {}, resolve))
      const admin = new pg.Client({ connectionString: POSTGRES_URL })
      await admin.connect()
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [applicationName])
      await admin.end()
      await resynced

      const heard = new Promise<ProgressChange>((resolve) => listener.subscribe(resolve))
      await sender.publish({ programId: 'p', userId: 'after-reconnect' })
      expect(await heard).toEqual({ programId: 'p', userId: 'after-reconnect' })
    } finally {
      await Promise.all([listener.close(), sender.close()])
    }
  })
})
