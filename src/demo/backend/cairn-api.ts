import type { CairnEvent, Subject } from '../../core'

/** How the host product's backend reaches Cairn: a base URL and the server-to-server API key. */
export interface CairnApiOptions {
  /** e.g. `http://127.0.0.1:8787` (no trailing slash). */
  baseUrl: string
  apiKey: string
  /** Injected for tests. @default globalThis.fetch */
  fetch?: typeof fetch
}

/** A failed call to the Cairn API, with its status and the API's error body. */
export class CairnApiError extends Error {
  override readonly name = 'CairnApiError'
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Cairn API answered ${status}`)
  }
}

/** The three calls a product team makes with its API key, exactly as documented at /v1/openapi.json. */
export interface CairnApi {
  sendEvents(events: CairnEvent[]): Promise<unknown>
  upsertSubject(subject: Subject): Promise<unknown>
  insights(): Promise<unknown>
  /** `GET /v1/insights/experiment`: holdout lift. */
  experiment(): Promise<unknown>
  /** `GET /v1/accounts?segment=`: the customer-success view. */
  accounts(segment: string): Promise<unknown>
  /** `POST /v1/webhooks`: returns `{ id, url, events, secret }`. */
  registerWebhook(url: string, events: string[]): Promise<{ id: string; secret: string }>
  /** `GET /v1/webhooks` and each one's `GET /v1/webhooks/{id}/deliveries`. */
  webhooks(): Promise<unknown>
}

export function createCairnApi(options: CairnApiOptions): CairnApi {
  const doFetch = options.fetch ?? globalThis.fetch

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await doFetch(`${options.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.apiKey}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    const parsed: unknown = text ? JSON.parse(text) : null
    if (!response.ok) throw new CairnApiError(response.status, parsed)
    return parsed
  }

  return {
    sendEvents: (events) => call('POST', '/v1/events', { events }),
    upsertSubject: ({ userId, ...rest }) => call('PUT', `/v1/subjects/${encodeURIComponent(userId)}`, rest),
    insights: () => call('GET', '/v1/insights'),
    experiment: () => call('GET', '/v1/insights/experiment'),
    accounts: (segment) => call('GET', `/v1/accounts?segment=${encodeURIComponent(segment)}&limit=100`),
    registerWebhook: async (url, events) => (await call('POST', '/v1/webhooks', { url, events })) as { id: string; secret: string },
    webhooks: async () => {
      const hooks = (await call('GET', '/v1/webhooks')) as { id: string }[]
      return Promise.all(hooks.map(async (hook) => ({ ...hook, deliveries: await call('GET', `/v1/webhooks/${encodeURIComponent(hook.id)}/deliveries`) })))
    },
  }
}
