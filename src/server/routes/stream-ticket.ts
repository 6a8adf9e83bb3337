import type { RouteDeps } from './route-deps'

/**
 * `POST /v1/me/stream-ticket` (user token in the Authorization header) → 201 `{ ticket, expiresAt }`: a
 * single-use ticket for `GET /v1/me/stream?ticket=`, so the token itself never appears in a URL.
 */
export function registerStreamTicketRoute({ app, service, now, guards, streamTicketTtlS }: RouteDeps): void {
  app.post('/v1/me/stream-ticket', guards.user, async (c) => {
    c.header('Cache-Control', 'no-store')
    return c.json(await service.streamTickets.issue(c.get('user'), now(), streamTicketTtlS), 201)
  })
}
