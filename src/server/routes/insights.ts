import type { RouteDeps } from './route-deps'

/** `GET /v1/insights` (API key): completion, time to milestone, drop-off per level step, velocity. */
export function registerInsightsRoute({ app, service, now, guards }: RouteDeps): void {
  app.get('/v1/insights', guards.apiKey, async (c) => c.json(await service.insights(now())))
}
