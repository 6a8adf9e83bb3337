import type { RouteDeps } from './route-deps'

/** `GET /v1/accounts?segment=&limit=&cursor=` (API key): accounts by customer-success segment (DESIGN §7.4). */
export function registerAccountsRoute({ app, service, now, guards }: RouteDeps): void {
  app.get('/v1/accounts', guards.apiKey, async (c) => {
    const { segment, limit, cursor } = c.req.query()
    return c.json(await service.accounts({ segment, limit, cursor }, now()))
  })
}
