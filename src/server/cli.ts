// `npm run server`: reads the environment, starts the API, and shuts down cleanly on SIGINT/SIGTERM.
import { ConfigError, loadConfig, type ServerConfig } from './config'
import { createServer, type CairnServer } from './create-server'

async function main(): Promise<void> {
  let config: ServerConfig
  try {
    config = loadConfig()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error('Cairn cannot start:')
    for (const problem of error.problems) console.error(`  - ${problem}`)
    process.exit(1)
  }
  for (const name of config.generated) {
    const value = name === 'CAIRN_API_KEY' ? config.apiKey : config.signingSecret
    console.warn(`[cairn] ${name} is not set; using a random one for this run (development only):\n  ${name}=${value}`)
  }

  // Signals are handled from the start: one arriving while storage opens stops the server once it is up.
  let server: CairnServer | undefined = undefined
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    console.log(`[cairn] ${signal}: shutting down`)
    if (server) shutDown(server)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  server = await createServer({
    apiKey: config.apiKey,
    signingSecret: config.signingSecret,
    program: config.program,
    ...(process.env.CAIRN_PROGRAM ? { publishedBy: 'CAIRN_PROGRAM file' } : {}),
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }),
    // Only the embedded database is seeded: a real Postgres holds real data.
    seed: config.seed && !config.databaseUrl,
    corsOrigins: config.corsOrigins,
    rateLimit: config.rateLimit,
    tokenMaxLifetimeS: config.tokenMaxLifetimeS,
    streamTicketTtlS: config.streamTicketTtlS,
    trustProxy: config.trustProxy,
    ...(config.publicUrl !== undefined && { publicUrl: config.publicUrl }),
    onSeeded: (seeded) => console.log(`[cairn] seeded the demo: ${seeded.accounts} accounts, ${seeded.users} users, ${seeded.events} events`),
  })
  if (stopping) return shutDown(server)
  const running = await server.listen(config.port)
  const storage = config.databaseUrl ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`
  const active = server.service.program
  console.log(`[cairn] API for program "${active.id}" v${active.version} on ${running.url} — ${storage}`)
  if (stopping) shutDown(server)
}

/** Stops accepting connections, ends SSE streams, closes the service, then exits. */
function shutDown(server: CairnServer): void {
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('[cairn] shutdown failed:', error)
      process.exit(1)
    },
  )
}

main().catch((error: unknown) => {
  console.error('[cairn] failed to start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
