import { requestLocale, setContentLanguage } from '../http/accept-language'
import { DEFAULT_BODY_LIMIT_BYTES, limitBody } from '../http/body-limits'
import { mergeScreened, screenClientEvents } from '../http/client-events'
import { ApiError } from '../http/errors'
import { ingestResponse, MAX_CLIENT_EVENTS_PER_BATCH, readEventBatch } from '../http/event-batch'
import { clientTrackableEventNames } from '../service'
import { idProblem } from '../service/input-rules'
import type { RouteDeps } from './route-deps'

const DIGEST_PERIODS = ['week', 'month'] as const

/** The widget's own routes: a user token reads and writes only that user's data. */
export function registerMeRoutes(deps: RouteDeps): void {
  const { app, service, now, guards } = deps
  const trackable = clientTrackableEventNames(service.program)

  // The subject is ensured from the claims inside the progress read (one round trip when nothing changed, none when
  // the answer is kept); the answer comes as JSON text, so it is not serialised again here.
  app.get('/v1/me/progress', guards.userReadOnly, async (c) => {
    c.header('Cache-Control', 'no-store')
    const locale = requestLocale(c, service)
    setContentLanguage(c, locale)
    const text = await service.progressTextForToken(c.get('user'), now(), locale)
    return c.body(text, 200, { 'Content-Type': 'application/json' })
  })

  app.post('/v1/me/events', guards.user, limitBody(DEFAULT_BODY_LIMIT_BYTES), async (c) => {
    const user = c.get('user')
    const events = await readEventBatch(c, MAX_CLIENT_EVENTS_PER_BATCH)
    const screened = screenClientEvents(events, user, trackable)
    if (events.length > 0 && screened.passed.length === 0) {
      throw new ApiError(403, 'forbidden_event', 'A user token may only send its own client-trackable events.', screened.forbidden)
    }
    const result = await service.ingest(
      screened.passed.map((p) => p.event),
      { now: now(), onlyUserId: user.userId, onlyClientTrackable: true },
    )
    return ingestResponse(c, mergeScreened(screened, result))
  })

  app.post('/v1/me/celebrations/:id/seen', guards.user, async (c) => {
    const id = c.req.param('id') ?? ''
    const problem = idProblem(id)
    if (problem !== undefined) throw new ApiError(400, 'invalid_path', `The celebration id ${problem}.`, [{ path: 'id', message: problem }])
    const found = await service.ackCelebration(c.get('user').userId, id)
    if (!found) throw new ApiError(404, 'not_found', 'No such celebration for this user.')
    return c.body(null, 204)
  })

  app.get('/v1/me/digest', guards.user, async (c) => {
    const period = c.req.query('period')
    if (!DIGEST_PERIODS.some((p) => p === period)) {
      throw new ApiError(400, 'invalid_query', 'period must be "week" or "month".', [{ path: 'period', message: 'must be "week" or "month"' }])
    }
    c.header('Cache-Control', 'no-store')
    const locale = requestLocale(c, service)
    setContentLanguage(c, locale)
    return c.json(await service.digest(c.get('user').userId, period as (typeof DIGEST_PERIODS)[number], now(), locale))
  })
}
