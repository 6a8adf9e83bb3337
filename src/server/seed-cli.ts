// `npm run seed`: fills the configured database (DATABASE_URL, or PGlite in CAIRN_DATA_DIR) with the demo data.
import { demoProgram } from '../core'
import { seedDemo, isSeeded } from './seed'
import { createService } from './service'
import { openStorage } from './storage'

const force = process.argv.includes('--force')
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
      { onProgress: ({ accounts, events }) => process.stdout.write(`\r  ${accounts} accounts, ${events} events`) },
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
