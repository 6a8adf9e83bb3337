import { parseProgram, type LocalizedProgram, type Program } from '../../core'
import { limitBody } from '../http/body-limits'
import { ApiError } from '../http/errors'
import { readJson } from '../http/json-body'
import type { RouteDeps } from './route-deps'

/** A program with a few hundred milestones and per-locale text stays far below this. */
export const PROGRAM_BODY_LIMIT_BYTES = 1024 * 1024
const MAX_VERSION_LENGTH = 200

/**
 * Program versions (DESIGN §7.7), all with the API key: `PUT /v1/program` publishes, `GET /v1/program/versions`
 * lists, `POST /v1/program/versions/{version}/activate` rolls back or forward, `POST /v1/program/preview` says what
 * publishing would change without writing. Each publish and activation records the key's label.
 */
export function registerProgramVersionRoutes({ app, service, now, guards, apiKeyLabel }: RouteDeps): void {
  app.put('/v1/program', guards.apiKey, limitBody(PROGRAM_BODY_LIMIT_BYTES), async (c) => {
    const definition = await readJson(c)
    const { source } = validProgram(definition, service.program.id)
    const outcome = await service.publishProgram(source, definition, apiKeyLabel, now())
    if (outcome.status === 'conflict') {
      throw new ApiError(409, 'version_conflict', `Version "${outcome.version}" was already published with a different definition; give this one a new version.`, [
        { path: 'version', message: 'is already published with a different definition' },
      ])
    }
    return c.json({ version: outcome.version, active: true }, outcome.status === 'created' ? 201 : 200)
  })

  app.get('/v1/program/versions', guards.apiKey, async (c) => c.json(await service.programVersions()))

  app.post('/v1/program/versions/:version/activate', guards.apiKey, async (c) => {
    const version = c.req.param('version') ?? ''
    if (version.length > MAX_VERSION_LENGTH || !(await service.activateProgram(version, apiKeyLabel, now()))) {
      throw new ApiError(404, 'not_found', `No published version "${version.slice(0, MAX_VERSION_LENGTH)}".`)
    }
    return c.json({ version, active: true })
  })

  app.post('/v1/program/preview', guards.apiKey, limitBody(PROGRAM_BODY_LIMIT_BYTES), async (c) => {
    const { program } = validProgram(await readJson(c), service.program.id)
    return c.json(await service.previewProgram(program, now()))
  })
}

/** The body as a program of this server's program id (resolved, and as written), or a 422 listing every problem by path. */
function validProgram(definition: unknown, programId: string): { program: Program; source: LocalizedProgram } {
  const parsed = parseProgram(definition)
  if (!parsed.ok) throw new ApiError(422, 'invalid_program', 'The program is not valid.', parsed.errors)
  if (parsed.program.id !== programId) {
    throw new ApiError(422, 'invalid_program', 'The program is not valid.', [
      { path: 'id', message: `must stay "${programId}": a version changes a program, another program needs its own server` },
    ])
  }
  return parsed
}
