import { openApiDocument } from '../openapi'
import type { RouteDeps } from './route-deps'

/** `GET /v1/openapi.json`: the API description, public like any documentation. */
export function registerOpenApiRoute({ app }: RouteDeps): void {
  app.get('/v1/openapi.json', (c) => c.json(openApiDocument()))
}
