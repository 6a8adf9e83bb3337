import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import { createServer as createViteServer, type ViteDevServer } from 'vite'
import { createDemoBackend } from './app'
import { startCairnApi } from './cairn-server'
import { createCairnApi } from './cairn-api'

/** Everything `npm start` and the e2e harness need to bring the demo up. */
export interface DemoStackOptions {
  /** Repository root (where index.html and vite.config.ts live). */
  root: string
  /** Port of the API + demo backend; 0 picks a free one. @default 8787 */
  apiPort?: number
  /** Port of the Vite dev server; 0 picks a free one. @default 5173 */
  demoPort?: number
  /** Embedded database directory (ignored with `databaseUrl`). */
  dataDir: string
  /** Taskly's persona user records. @default next to `dataDir` (`<dataDir>-taskly-personas.json`) */
  personaFile?: string
  /** Postgres instead of the embedded database. */
  databaseUrl?: string | undefined
  apiKey: string
  signingSecret: string
  /** Vite's log level; the e2e harness keeps it quiet. @default 'info' */
  logLevel?: 'info' | 'warn' | 'error' | 'silent'
}

export interface DemoStack {
  /** The one URL to open: the Taskly demo served by Vite. */
  url: string
  /** Where the API and /demo-api answer directly (Vite proxies both). */
  apiUrl: string
  close(): Promise<void>
}

function listen(fetchHandler: (request: Request) => Response | Promise<Response>, port: number): Promise<ServerType> {
  return new Promise((resolveServer, reject) => {
    const server = serve({ fetch: fetchHandler, port, hostname: '127.0.0.1' }, () => resolveServer(server))
    server.once('error', reject)
  })
}

/**
 * Starts the Cairn API (seeded on first run), mounts Taskly's backend at /demo-api on the same port, and runs
 * Vite in this process with its proxy pointed at that port. One process; `close()` stops all of it.
 */
export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  // Opening (and on first run seeding) the database is the slow part, so the HTTP socket and Vite start
  // meanwhile; requests that arrive early simply wait for the API.
  const cairnReady = startCairnApi({
    dataDir: options.dataDir,
    personaFile: options.personaFile ?? `${options.dataDir.replace(/[\\/]+$/, '')}-taskly-personas.json`,
    databaseUrl: options.databaseUrl,
    apiKey: options.apiKey,
    signingSecret: options.signingSecret,
  })
  cairnReady.catch(() => undefined) // handled below; this only keeps an early failure from being "unhandled"

  let apiUrl = ''
  const demo = createDemoBackend({
    // Over real HTTP with the API key, exactly as a product's backend would call Cairn.
    api: createCairnApi({ baseUrl: '', apiKey: options.apiKey, fetch: (input, init) => fetch(`${apiUrl}${String(input)}`, init) }),
    mintToken: async (subject, locale) => (await cairnReady).mintToken(subject, locale),
    personaSubject: async (persona) => (await cairnReady).personaSubject(persona),
    receiverUrl: () => `${apiUrl}/demo-api/webhook-receiver`,
  })
  const outer = new Hono()
  outer.route('/demo-api', demo)
  outer.all('*', async (c) => (await cairnReady).fetch(c.req.raw, c.env))

  let http: ServerType | undefined
  let vite: ViteDevServer | undefined
  try {
    http = await listen(outer.fetch, options.apiPort ?? 8787)
    apiUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
    vite = await createViteServer({
      root: options.root,
      configFile: resolve(options.root, 'vite.config.ts'),
      clearScreen: false,
      logLevel: options.logLevel ?? 'info',
      server: {
        port: options.demoPort ?? 5173,
        strictPort: false,
        proxy: {
          '/v1': { target: apiUrl, changeOrigin: false },
          '/demo-api': { target: apiUrl, changeOrigin: false },
          // Public share pages (and their images) are the API's; links are made on this origin.
          '/s/': { target: apiUrl, changeOrigin: false },
        },
      },
    })
    await Promise.all([vite.listen(), cairnReady])
  } catch (error) {
    await vite?.close()
    if (http) await closeHttp(http)
    await cairnReady.then((cairn) => cairn.close(), () => undefined)
    throw error
  }
  const cairn = await cairnReady
  const address = vite.httpServer?.address() as AddressInfo | null
  const url = `http://localhost:${address?.port ?? options.demoPort ?? 5173}`
  const openHttp = http
  const openVite = vite

  return {
    url,
    apiUrl,
    async close() {
      await openVite.close()
      await closeHttp(openHttp)
      await cairn.close()
    },
  }
}

function closeHttp(server: ServerType): Promise<void> {
  return new Promise((resolveClose) => {
    // Open SSE streams and keep-alive sockets would keep close() waiting; this is a dev server, cut them.
    ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
    server.close(() => resolveClose())
  })
}
