import { ApiError } from '../http/errors'
import { DEFAULT_BODY_LIMIT_BYTES, limitBody } from '../http/body-limits'
import { isJsonObject, readJson } from '../http/json-body'
import type { RouteDeps } from './route-deps'

/** User ids are opaque to Cairn, but bounded like every id in an event. */
const MAX_USER_ID_LENGTH = 200

/** `PUT /v1/subjects/{userId}` (API key): creates or replaces the subject; 400 with paths on bad input. */
export function registerSubjectRoute({ app, service, guards }: RouteDeps): void {
  app.put('/v1/subjects/:userId', guards.apiKey, limitBody(DEFAULT_BODY_LIMIT_BYTES), async (c) => {
    const userId = c.req.param('userId') ?? ''
    if (userId.length > MAX_USER_ID_LENGTH) {
      throw new ApiError(400, 'invalid_body', 'The user id is too long.', [{ path: 'userId', message: `must be at most ${MAX_USER_ID_LENGTH} characters` }])
    }
    const body = await readJson(c)
    if (!isJsonObject(body)) {
      throw new ApiError(400, 'invalid_body', 'The body must be a JSON object.', [{ path: '', message: 'must be an object' }])
    }
    return c.json(await service.upsertSubject(userId, body))
  })
}
