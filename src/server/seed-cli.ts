// `npm run seed`: fills the configured database (DATABASE_URL, or PGlite in CAIRN_DATA_DIR) with the demo data.
// `npm run seed -- --accounts 10000` seeds that many synthetic accounts besides the personas (default 300).
import { demoProgram } from '../core'
import { seedDemo, isSeeded } from './seed'
import { createService } from './service'
import { openStorage } from './storage'

const force = process.argv.includes('--force')
const accounts = accountsFlag(process.argv)
const started = Date.now()
const storage = await openStorage()
const service = await createService({ program: demoProgram, storage })
const opened = Date.now()
try {
  if (!force && (await isSeeded(storage, demoProgram.id))) {
    console.log('Already seeded (use --force to add the demo data again).')
  } else {
    const summary = await seedDemo(
      { service, storage },
      { ...(accounts !== undefined && { accounts }), onProgress: ({ accounts, events }) => process.stdout.write(`\r  ${accounts} accounts, ${events} events`) },
    )
    process.stdout.write('\n')
    console.log(`Seeded ${summary.users} users in ${summary.accounts} accounts with ${summary.events} events in ${seconds(Date.now() - opened)} (storage opened in ${seconds(opened - started)}).`)
  }
} finally {
  await service.close()
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/** `--accounts N` (or `--accounts=N`): a whole number of synthetic accounts; exits with a clear message otherwise. */
function accountsFlag(argv: readonly string[]): number | undefined {
  const at = argv.findIndex((arg) => arg === '--accounts' || arg.startsWith('--accounts='))
  if (at < 0) return undefined
  const raw = argv[at]!.includes('=') ? argv[at]!.slice('--accounts='.length) : argv[at + 1]
  const value = Number(raw)
  if (raw === undefined || !/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
    console.error(`--accounts needs a whole number of accounts (got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}).`)
    process.exit(2)
  }
  return value
}
