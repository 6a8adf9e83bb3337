import type { RouteDeps } from './route-deps'

/** `GET /healthz`: the process answers and storage is reachable (503 otherwise). No credential needed. */
export function registerHealthRoute({ app, service }: RouteDeps): void {
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store')
    const up = await service.health().catch(() => false)
    return up ? c.json({ ok: true, storage: 'up' }) : c.json({ ok: false, storage: 'down' }, 503)
  })
}
