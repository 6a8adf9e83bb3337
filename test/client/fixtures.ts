import { setupServer } from 'msw/node'
export { EVALUATED_AT, celebration, meProgress } from './progress-fixture'

export const BASE_URL = 'https://cairn.test'

/** An unsigned JWT-shaped user token whose claims the source reads for event ownership. */
export function userToken(sub = 'user-1', extra: Record<string, unknown> = {}): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub, acct: 'acct-1', ...extra })}.signature`
}

/** One msw server per test file; handlers are added per test and reset after it. */
export function startMockApi() {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}

/** Backoff waits that resolve at once but remember how long they were asked to wait. */
export function recordingSleep() {
  const waits: number[] = []
  const sleep = async (ms: number, signal?: AbortSignal) => {
    waits.push(ms)
    if (signal?.aborted) throw new Error('aborted')
  }
  return { waits, sleep }
}
