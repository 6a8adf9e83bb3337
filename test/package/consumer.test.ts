// The package as an outside consumer meets it: `npm pack`, installed into fresh Vite + React apps on React 18.3
// and 19, type-checked under `bundler` and `node16` resolution, built, and rendered in Chromium under a strict CSP.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium'
import { writeConsumerApp, writeConsumerServer } from './consumer-app'
import { mustRun, run } from './run'
import { serveStatic } from './static-server'

const REPO = resolve(import.meta.dirname, '../..')
const NODE = process.execPath
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const TSC = join(REPO, 'node_modules/typescript/bin/tsc')
const bin = (name: string) => join(REPO, 'node_modules/.bin', name)
/** The exact versions this repository installed, so the consumers install from npm's cache. */
const installed = (name: string): string => (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
const SERVER_PACKAGES = ['hono', '@hono/node-server', 'jose', 'pg', '@electric-sql/pglite']
const INSTALL = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']

const REACTS = [
  { major: '18', react: installed('react-18'), types: installed('@types/react-18'), domTypes: installed('@types/react-dom-18') },
  { major: '19', react: installed('react'), types: installed('@types/react'), domTypes: installed('@types/react-dom') },
]

const work = mkdtempSync(join(tmpdir(), 'cairn-consumer-'))
const appDir = (major: string) => join(work, `react-${major}`)
let tarball = ''
let browser: Browser | undefined

beforeAll(async () => {
  await mustRun(NPM, ['run', 'build'], REPO)
  const packed = JSON.parse(await mustRun(NPM, ['pack', '--json', '--pack-destination', work], REPO)) as { filename: string }[]
  tarball = join(work, packed[0]!.filename)
  // One at a time: two npm installs at once only fight over the same cache on a 2-core machine.
  for (const { major, react, types, domTypes } of REACTS) {
    writeConsumerApp(appDir(major), `consumer-react-${major}`)
    await mustRun(NPM, [...INSTALL, tarball, `react@${react}`, `react-dom@${react}`, `@types/react@${types}`, `@types/react-dom@${domTypes}`], appDir(major))
  }
})

afterAll(async () => {
  await browser?.close()
  rmSync(work, { recursive: true, force: true })
})

describe('the packed tarball', () => {
  it('passes publint and arethetypeswrong (node16 ESM and bundler)', async () => {
    const [publint, attw] = await Promise.all([
      run(bin('publint'), ['run', tarball, '--strict'], work),
      run(bin('attw'), [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './styles.css', './program.schema.json', '--format', 'ascii'], work),
    ])
    expect(publint.output).toContain('All good')
    expect(publint.code, publint.output).toBe(0)
    expect(attw.code, attw.output).toBe(0)
  })
})

describe.each(REACTS)('a fresh Vite app on React $major', ({ major }) => {
  const dir = appDir(major)

  it('installs the browser entries without any of the server packages', () => {
    const react = JSON.parse(readFileSync(join(dir, 'node_modules/react/package.json'), 'utf8')) as { version: string }
    expect(react.version.split('.')[0]).toBe(major)
    expect(SERVER_PACKAGES.filter((name) => existsSync(join(dir, 'node_modules', name)))).toEqual([])
  })

  it('type-checks under bundler and node16 module resolution', async () => {
    const [bundler, node16] = await Promise.all([
      run(NODE, [TSC, '-p', 'tsconfig.bundler.json'], dir),
      run(NODE, [TSC, '-p', 'tsconfig.node16.json'], dir),
    ])
    expect(bundler.output).toBe('')
    expect(node16.output).toBe('')
  })

  it('builds with Vite and renders the widget and a level-up in Chromium, with no CSP violation', async () => {
    await mustRun(NODE, [join(REPO, 'test/package/build-app.mjs'), dir], REPO)
    const server = await serveStatic(join(dir, 'dist'))
    browser ??= await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
    const context = await browser.newContext({ viewport: { width: 900, height: 1000 } })
    try {
      const page = await context.newPage()
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(error.message))
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text())
      })
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`))
      })
      await page.goto(server.url)
      await page.locator('[data-cairn-widget][data-status="ready"]').waitFor()
      expect(await page.locator('main').getAttribute('data-react-version')).toMatch(new RegExp(`^${major}\\.`))
      expect(await page.getByRole('heading', { name: 'Your progress' }).count()).toBe(1)

      await page.getByRole('button', { name: 'Finish getting started' }).click()
      await page.getByRole('dialog').and(page.locator('[data-cairn-celebration="level:getting-started"]')).waitFor()
      if (process.env.CAIRN_PACKAGE_SCREENSHOTS) {
        await page.screenshot({ path: join(process.env.CAIRN_PACKAGE_SCREENSHOTS, `consumer-react-${major}.png`) })
      }
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await server.close()
    }
  })
})

describe('cairn/server in a consumer', () => {
  const dir = appDir('19')

  it('names every server package to install when they are missing', async () => {
    const result = await run(NODE, ['--input-type=module', '-e', "await import('cairn/server')"], dir)
    expect(result.code).not.toBe(0)
    expect(result.output).toContain('npm install hono @hono/node-server jose')
  })

  it('type-checks under node16 without pg, and names the database driver createServer needs', async () => {
    await mustRun(NPM, [...INSTALL, ...['hono', '@hono/node-server', 'jose'].map((name) => `${name}@${installed(name)}`)], dir)
    writeConsumerServer(dir)
    const types = await run(NODE, [TSC, '-p', 'tsconfig.server.json'], dir)
    expect(types.output).toBe('')

    const start = `import { createServer } from 'cairn/server'
      await createServer({ apiKey: 'key', signingSecret: 'a-signing-secret-of-at-least-32-chars', memory: true })`
    const result = await run(NODE, ['--input-type=module', '-e', start], dir)
    expect(result.code).not.toBe(0)
    expect(result.output).toContain('npm install @electric-sql/pglite')
  })
})
