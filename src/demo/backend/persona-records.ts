import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import * as z from 'zod/mini'
import { SubjectSchema, type Subject } from '../../core'
import { PERSONA_IDS, type PersonaId } from './personas'

// Taskly's own user records for the personas. A host product is the source of truth for its users
// (sign-up date, plan); it tells Cairn about them in the token claims, so the claims must match what the
// seed wrote, or the first token would quietly move a persona's sign-up date.

const RecordsSchema = z.record(z.enum(PERSONA_IDS), SubjectSchema)
export type PersonaRecords = Partial<Record<PersonaId, Subject>>

/** Reads the records file; a missing or unreadable file is simply "no records yet". */
export async function loadPersonaRecords(file: string): Promise<PersonaRecords> {
  try {
    const parsed = RecordsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

export async function savePersonaRecords(file: string, records: PersonaRecords): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, JSON.stringify(records, null, 2) + '\n')
}
