// Starts the whole demo: Cairn API on the embedded database (seeded on first run), Taskly's backend under
// /demo-api, and the Vite dev server for the product. Prints one URL. Ctrl-C stops everything.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { startDemoStack } from '../src/demo/backend/stack'

const ROOT = resolve(import.meta.dirname, '..')
const STATE_DIR = resolve(ROOT, '.cairn')
/** Dev secrets survive restarts so tokens minted before a restart keep working; never used in production. */
const SECRETS_FILE = resolve(STATE_DIR, 'dev-secrets.json')

interface DevSecrets {
  apiKey: string
  signingSecret: string
}

function devSecrets(): DevSecrets {
  if (process.env.CAIRN_API_KEY && process.env.CAIRN_SIGNING_SECRET) {
    return { apiKey: process.env.CAIRN_API_KEY, signingSecret: process.env.CAIRN_SIGNING_SECRET }
  }
  try {
    const saved = JSON.parse(readFileSync(SECRETS_FILE, 'utf8')) as Partial<DevSecrets>
    if (saved.apiKey && saved.signingSecret) return { apiKey: saved.apiKey, signingSecret: saved.signingSecret }
  } catch {
    // First run: generate below.
  }
  const secrets = { apiKey: `dev_${randomBytes(24).toString('base64url')}`, signingSecret: randomBytes(48).toString('base64url') }
  mkdirSync(STATE_DIR, { recursive: true })
  writeFileSync(SECRETS_FILE, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 })
  return secrets
}

function port(value: string | undefined, fallback: number): number {
  const parsed = Number(value)
  return Number.isInteger(parsed) && parsed >= 0 && parsed < 65536 && value !== undefined && value !== '' ? parsed : fallback
}

async function main(): Promise<void> {
  const secrets = devSecrets()
  console.log('Starting Cairn (first run seeds the demo database; this can take a little while)…')
  const stack = await startDemoStack({
    root: ROOT,
    apiPort: port(process.env.PORT, 8787),
    demoPort: port(process.env.DEMO_PORT, 5173),
    dataDir: resolve(ROOT, process.env.CAIRN_DATA_DIR ?? '.cairn/data'),
    databaseUrl: process.env.DATABASE_URL,
    apiKey: secrets.apiKey,
    signingSecret: secrets.signingSecret,
  })
  console.log(`\n  Cairn demo → ${stack.url}\n`)

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130) // a second Ctrl-C means "now"
    stopping = true
    console.log(`\n${signal}: stopping…`)
    stack.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Port ${process.env.PORT ?? 8787} is already in use. Start with another one, e.g. PORT=8788 npm start`)
  } else {
    console.error('Cairn demo failed to start:', error)
  }
  process.exit(1)
})
