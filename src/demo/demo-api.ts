import * as z from 'zod/mini'
import { AccountsPageSchema, ExperimentInsightsSchema, InsightsSchema, type ExperimentInsights, type Insights } from '../core'

// The browser side of the host product's backend (/demo-api). The API key and signing secret never come here.

/** Who a visitor can be. `about` is what stays true whatever they do; the demo bar adds what they did. */
export const PERSONAS = [
  { id: 'new', label: 'New user', about: 'A brand-new team' },
  { id: 'halfway', label: 'Halfway there', about: 'Set up, building momentum' },
  // The same account as "Halfway there": what one of them achieves for the team, the other hears of.
  { id: 'halfway-teammate', label: 'Halfway there: a teammate', about: 'A member of the Halfway there team' },
  { id: 'power', label: 'Power user', about: 'A long-time team' },
  { id: 'small-segment', label: 'Small segment', about: 'A plan with too few teams to compare' },
  { id: 'went-quiet', label: 'Went quiet', about: 'Nothing done for 16 days' },
  { id: 'support-case', label: 'Open support case', about: 'Celebrations and upsell wait until the case closes' },
] as const
export type PersonaId = (typeof PERSONAS)[number]['id']

/** The languages of the demo: the widget's messages and the Taskly program's text switch together. */
export const LANGUAGES = [
  { id: 'en', label: 'English' },
  { id: 'de', label: 'Deutsch' },
] as const
export type LanguageId = (typeof LANGUAGES)[number]['id']

const SessionSchema = z.object({
  token: z.string(),
  persona: z.enum(PERSONAS.map((p) => p.id) as [PersonaId, ...PersonaId[]]),
  locale: z.enum(['en', 'de']),
  user: z.object({
    userId: z.string(),
    accountId: z.optional(z.string()),
    signedUpAt: z.string(),
    traits: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  }),
})
export type DemoSession = z.infer<typeof SessionSchema>

/** Every demo action the backend knows; `properties` carries the feature or integration name. */
export type DemoAction =
  | 'create_project'
  | 'add_task'
  | 'complete_task'
  | 'invite_teammate'
  | 'use_feature'
  | 'automate_workflow'
  | 'generate_report'
  | 'connect_integration'
  | 'log_in'
  | 'simulate_week'
  | 'join_teammate'

async function postJson(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path} answered ${response.status}`)
  return response.json()
}

/** Starts (or continues) the browser's demo session as `persona`, in `locale`, and returns a fresh user token. */
export async function startSession(persona?: PersonaId, locale?: LanguageId): Promise<DemoSession> {
  return SessionSchema.parse(await postJson('/demo-api/session', { ...(persona && { persona }), ...(locale && { locale }) }))
}

/** Gives this browser a brand-new user for the same persona; nobody else's progress is touched. */
export async function resetProgress(): Promise<DemoSession> {
  return SessionSchema.parse(await postJson('/demo-api/reset', {}))
}

const ActionResultSchema = z.object({ events: z.number() })

/** Tells Taskly's backend that the user did something; it reports the event(s) to Cairn and says how many. */
export async function performAction(action: DemoAction, properties?: Record<string, string>): Promise<{ events: number }> {
  return ActionResultSchema.parse(await postJson('/demo-api/actions', properties ? { action, properties } : { action }))
}

export type { ExperimentInsights, Insights }

/** The team view's numbers (the backend proxies GET /v1/insights with its API key). */
export async function fetchInsights(signal?: AbortSignal): Promise<Insights> {
  const response = await fetch('/demo-api/insights', { credentials: 'same-origin', ...(signal ? { signal } : {}) })
  if (!response.ok) throw new Error(`/demo-api/insights answered ${response.status}`)
  return InsightsSchema.parse(await response.json())
}

/** Does Cairn raise activation? (the backend proxies GET /v1/insights/experiment with its API key). */
export async function fetchExperiment(signal?: AbortSignal): Promise<ExperimentInsights> {
  const response = await fetch('/demo-api/insights/experiment', { credentials: 'same-origin', ...(signal ? { signal } : {}) })
  if (!response.ok) throw new Error(`/demo-api/insights/experiment answered ${response.status}`)
  return ExperimentInsightsSchema.parse(await response.json())
}

export type AccountRow = z.infer<typeof AccountsPageSchema>['accounts'][number]
export type AccountSegment = 'at_risk' | 'stalled' | 'behind_pace' | 'expansion' | 'all'

/** One segment of the customer-success view (the backend proxies GET /v1/accounts with its API key). */
export async function fetchAccounts(segment: AccountSegment, signal?: AbortSignal): Promise<AccountRow[]> {
  const response = await fetch(`/demo-api/accounts?segment=${segment}`, { credentials: 'same-origin', ...(signal && { signal }) })
  if (!response.ok) throw new Error(`accounts answered ${response.status}`)
  return AccountsPageSchema.parse(await response.json()).accounts
}

const WebhooksSchema = z.object({
  webhooks: z.array(z.object({ id: z.string(), url: z.string(), events: z.array(z.string()), deliveries: z.array(z.object({ id: z.string(), type: z.string(), status: z.string(), attempts: z.number() })) })),
  received: z.array(z.object({ receivedAt: z.string(), verified: z.boolean(), event: z.object({ id: z.string(), type: z.string(), data: z.object({ userId: z.string(), title: z.string() }) }) })),
})
export type WebhooksState = z.infer<typeof WebhooksSchema>

/** Taskly's webhook registrations, Cairn's delivery log for each, and what Taskly's receiver got. */
export async function fetchWebhooks(signal?: AbortSignal): Promise<WebhooksState> {
  const response = await fetch('/demo-api/webhooks', { credentials: 'same-origin', ...(signal && { signal }) })
  if (!response.ok) throw new Error(`webhooks answered ${response.status}`)
  return WebhooksSchema.parse(await response.json())
}

/** Registers Taskly's own receiver for every event type. */
export async function connectReceiver(): Promise<void> {
  await postJson('/demo-api/webhooks', {})
}
