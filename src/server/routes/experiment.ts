import { ApiError } from '../http/errors'
import type { RouteDeps } from './route-deps'

/** `GET /v1/insights/experiment` (API key): holdout lift on the experiment's metric and threshold-variant comparisons. */
export function registerExperimentRoute({ app, service, now, guards }: RouteDeps): void {
  app.get('/v1/insights/experiment', guards.apiKey, async (c) => {
    const insights = await service.experiment(now())
    if (!insights) throw new ApiError(404, 'no_experiment', 'The program defines no experiment; add `experiment` to the program to measure lift.')
    c.header('Cache-Control', 'no-store')
    return c.json(insights)
  })
}
