import { demoExperiment, demoProgramSource, type Subject } from '../../core'
import { createServer, createUserToken } from '../../server'
import { personaAccounts } from '../../server/seed'
import { loadPersonaRecords, savePersonaRecords, type PersonaRecords } from './persona-records'
import { PERSONA_IDS, personaUserId, type PersonaId } from './personas'

// The seam between the demo and `cairn/server`: everything the demo needs from the reference API.

export interface CairnApiOptions {
  dataDir: string
  databaseUrl?: string | undefined
  apiKey: string
  signingSecret: string
  /** Where Taskly keeps its persona user records (next to the database). */
  personaFile: string
}

export interface RunningCairn {
  /** The API as a fetch handler (the stack serves it next to /demo-api on one port). */
  fetch(request: Request, env?: unknown): Response | Promise<Response>
  /** A user token for a subject, as the host backend mints it (`createUserToken`), in the reader's language. */
  mintToken(subject: Subject, locale?: string): Promise<string>
  /** The seeded subject behind a persona. */
  personaSubject(persona: PersonaId): Promise<Subject>
  /** Ends open SSE streams, then closes storage. */
  close(): Promise<void>
}

/** User tokens live this long; the widget asks for a new one through /demo-api/session when it expires. */
const TOKEN_LIFETIME = '15m'

function recordsFor(seededAt: Date): PersonaRecords {
  const subjects = personaAccounts(seededAt).flatMap((account) => account.subjects)
  const records: PersonaRecords = {}
  for (const persona of PERSONA_IDS) {
    const subject = subjects.find((s) => s.userId === personaUserId(persona))
    if (subject) records[persona] = subject
  }
  return records
}

/** Opens storage (seeding an empty database with the demo cohort and personas) and builds the API. */
export async function startCairnApi(options: CairnApiOptions): Promise<RunningCairn> {
  // The seed places everything relative to the server clock's first reading; remember it to rebuild the
  // personas exactly as seeded.
  let firstReading: Date | undefined
  let seeded = false
  const server = await createServer({
    apiKey: options.apiKey,
    signingSecret: options.signingSecret,
    dataDir: options.dataDir,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    // Taskly with its holdout experiment, so the insights page can answer "does Cairn raise activation?".
    program: { ...demoProgramSource, experiment: demoExperiment },
    seed: true,
    // Taskly's own backend receives the webhooks on loopback, so private targets are allowed here (never in production).
    webhooks: { allowPrivate: true, backoffMs: 2_000 },
    now: () => {
      const reading = new Date()
      firstReading ??= reading
      return reading
    },
    onSeeded: () => {
      seeded = true
    },
  })

  let records = await loadPersonaRecords(options.personaFile)
  if (seeded || Object.keys(records).length === 0) {
    // Fresh seed: the records follow it. An old database without records: the best we can do is "now".
    records = recordsFor(seeded && firstReading ? firstReading : new Date())
    await savePersonaRecords(options.personaFile, records)
  }

  return {
    fetch: (request, env) => server.app.fetch(request, env),
    mintToken: (subject, locale) =>
      createUserToken({
        ...(locale ? { locale } : {}),
        secret: options.signingSecret,
        userId: subject.userId,
        signedUpAt: subject.signedUpAt,
        expiresIn: TOKEN_LIFETIME,
        ...(subject.accountId ? { accountId: subject.accountId } : {}),
        ...(subject.traits ? { traits: subject.traits } : {}),
        ...(subject.consent !== undefined ? { consent: subject.consent } : {}),
      }),
    personaSubject: async (persona) => {
      const subject = records[persona]
      if (!subject) throw new Error(`The seed has no persona "${persona}".`)
      return subject
    },
    close: () => server.close(),
  }
}
