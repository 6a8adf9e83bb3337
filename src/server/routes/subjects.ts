import { ApiError } from '../http/errors'
import { DEFAULT_BODY_LIMIT_BYTES, limitBody } from '../http/body-limits'
import { isJsonObject, readJson } from '../http/json-body'
import { idProblem } from '../service/input-rules'
import type { RouteDeps } from './route-deps'

/** `PUT /v1/subjects/{userId}` (API key): creates or replaces the subject; 400 with paths on bad input. */
export function registerSubjectRoute({ app, service, guards }: RouteDeps): void {
  app.put('/v1/subjects/:userId', guards.apiKey, limitBody(DEFAULT_BODY_LIMIT_BYTES), async (c) => {
    const userId = c.req.param('userId') ?? ''
    // Opaque to Cairn, but held to the same rules as every id in an event (bounded, storable text).
    const problem = idProblem(userId)
    if (problem !== undefined) throw new ApiError(400, 'invalid_body', `The user id ${problem}.`, [{ path: 'userId', message: problem }])
    const body = await readJson(c)
    if (!isJsonObject(body)) {
      throw new ApiError(400, 'invalid_body', 'The body must be a JSON object.', [{ path: '', message: 'must be an object' }])
    }
    return c.json(await service.upsertSubject(userId, body))
  })
}
