// Brings the whole demo up for a test file: API + demo backend + Vite on free ports, a fresh seeded database
// in a temp dir, and Debian's Chromium via playwright-core. One stack and one browser per file.
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { startDemoStack, type DemoStack } from '../../src/demo/backend/stack'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium'

const ROOT = resolve(import.meta.dirname, '../..')
/** Screenshots of every step, for people to look at (git-ignored). */
export const ARTIFACTS_DIR = resolve(ROOT, 'test-artifacts/e2e')

export type PersonaId = 'new' | 'halfway' | 'halfway-teammate' | 'power' | 'small-segment' | 'went-quiet' | 'support-case'

export interface Harness {
  url: string
  browser: Browser
  /** A fresh browser context (own cookies, so its own demo session) and a page in it. */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>
  /** Chooses the persona of a context's demo session; `fresh` gives it a brand-new user first. */
  usePersona(context: BrowserContext, persona: PersonaId, options?: { fresh?: boolean }): Promise<void>
  /** A user token for the context's current demo user (to ask the API what the widget sees). */
  tokenFor(context: BrowserContext): Promise<string>
  screenshot(page: Page, name: string): Promise<void>
  close(): Promise<void>
}

export async function startHarness(): Promise<Harness> {
  const tempDir = await mkdtemp(join(tmpdir(), 'cairn-e2e-'))
  const dataDir = join(tempDir, 'data')
  await mkdir(ARTIFACTS_DIR, { recursive: true })
  let stack: DemoStack | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  try {
    // The database seed dominates start-up; the browser launches meanwhile.
    const launching = chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
    launching.catch(() => undefined)
    stack = await startDemoStack({
      root: ROOT,
      apiPort: 0,
      demoPort: 0,
      dataDir,
      apiKey: `e2e_${randomBytes(16).toString('hex')}`,
      signingSecret: randomBytes(48).toString('base64url'),
      logLevel: 'error',
    }).catch(async (error: unknown) => {
      await launching.then((b) => b.close(), () => undefined)
      throw error
    })
    browser = await launching
  } catch (error) {
    await browser?.close()
    await stack?.close()
    await rm(tempDir, { recursive: true, force: true })
    throw error
  }
  const url = stack.url
  const openBrowser = browser
  const runningStack = stack

  return {
    url,
    browser: openBrowser,
    async newPage(options = {}) {
      const context = await openBrowser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 }, ...options })
      contexts.push(context)
      return { context, page: await context.newPage() }
    },
    async usePersona(context, persona, { fresh = false } = {}) {
      const session = await context.request.post('/demo-api/session', { data: { persona } })
      if (!session.ok()) throw new Error(`session for ${persona}: ${session.status()}`)
      if (fresh) {
        const reset = await context.request.post('/demo-api/reset')
        if (!reset.ok()) throw new Error(`reset: ${reset.status()}`)
      }
    },
    async tokenFor(context) {
      const response = await context.request.post('/demo-api/session', { data: {} })
      return ((await response.json()) as { token: string }).token
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: false })
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined)
      await openBrowser.close()
      await runningStack.close()
      await rm(tempDir, { recursive: true, force: true })
    },
  }
}
