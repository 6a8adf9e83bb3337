import * as z from 'zod/mini'
import { ProgramSchema } from './schemas/program'

type JsonObject = Record<string, unknown>

/** Where the published schema says it lives (editors only use it as an identifier). */
export const PROGRAM_SCHEMA_ID = 'https://cairn.dev/program.schema.json'

/**
 * The JSON Schema (draft 2020-12) of a program file, generated from the same zod schema `parseProgram` uses, so
 * editors autocomplete and flag what the server would refuse. A root `$schema` key is allowed (that is how a
 * file points at this schema). Refinements (safe URLs, finite numbers) have no JSON Schema form; `cairn validate`
 * checks them.
 */
export function programJsonSchema(): JsonObject {
  const raw = z.toJSONSchema(ProgramSchema, { target: 'draft-2020-12', unrepresentable: 'any' })
  // The recursive criterion is the only shared definition; give it the name authors know from the docs.
  const generated = JSON.parse(JSON.stringify(raw).replaceAll('__schema0', 'Criterion')) as JsonObject
  const properties = (generated.properties ?? {}) as JsonObject
  return {
    ...generated,
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: PROGRAM_SCHEMA_ID,
    title: 'Cairn program',
    description: 'Milestones, levels and badges of a Cairn progress program (DESIGN §2).',
    properties: { $schema: { type: 'string', description: 'Path or URL of this schema, for editors.' }, ...properties },
  }
}
