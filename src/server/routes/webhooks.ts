import { DEFAULT_BODY_LIMIT_BYTES, limitBody } from '../http/body-limits'
import { ApiError } from '../http/errors'
import { readJson } from '../http/json-body'
import type { RouteDeps } from './route-deps'

const notFound = () => new ApiError(404, 'not_found', 'There is no webhook with this id.')

/** `POST/GET /v1/webhooks`, `DELETE /v1/webhooks/{id}`, `GET /v1/webhooks/{id}/deliveries` (API key, DESIGN §7.3). */
export function registerWebhookRoutes({ app, service, guards }: RouteDeps): void {
  app.post('/v1/webhooks', guards.apiKey, limitBody(DEFAULT_BODY_LIMIT_BYTES), async (c) => c.json(await service.webhooks.register(await readJson(c)), 201))
  app.get('/v1/webhooks', guards.apiKey, async (c) => c.json(await service.webhooks.list()))
  app.delete('/v1/webhooks/:id', guards.apiKey, async (c) => {
    if (!(await service.webhooks.remove(c.req.param('id')))) throw notFound()
    return c.body(null, 204)
  })
  app.get('/v1/webhooks/:id/deliveries', guards.apiKey, async (c) => {
    const deliveries = await service.webhooks.deliveries(c.req.param('id'))
    if (!deliveries) throw notFound()
    return c.json(deliveries)
  })
}
