import type { CairnEvent } from '../../core'

/** The buttons of the demo product, each a thing a real Taskly user does. */
export const DEMO_ACTIONS = [
  'create_project',
  'add_task',
  'complete_task',
  'invite_teammate',
  'use_feature',
  'automate_workflow',
  'generate_report',
  'connect_integration',
  'log_in',
  'simulate_week',
] as const
export type DemoAction = (typeof DEMO_ACTIONS)[number]

export function isDemoAction(value: unknown): value is DemoAction {
  return typeof value === 'string' && (DEMO_ACTIONS as readonly string[]).includes(value)
}

/** Event names of the Taskly program (src/core/programs/taskly.json). */
const EVENT_OF: Record<Exclude<DemoAction, 'simulate_week'>, string> = {
  create_project: 'project_created',
  add_task: 'task_added',
  complete_task: 'task_completed',
  invite_teammate: 'teammate_invited',
  use_feature: 'feature_used',
  automate_workflow: 'workflow_automated',
  generate_report: 'report_generated',
  connect_integration: 'integration_connected',
  log_in: 'logged_in',
}

/** A week of log-ins, one per day ending today: the day simulator for the habit milestone. */
const SIMULATED_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000

export interface ActionContext {
  userId: string
  accountId?: string
  now: Date
  /** Fresh idempotency key per event (the product would use its own record id). */
  newId: () => string
}

/** Translates one click in the product into the usage event(s) its backend reports to Cairn. */
export function eventsForAction(
  action: DemoAction,
  properties: Record<string, string | number | boolean> | undefined,
  context: ActionContext,
): CairnEvent[] {
  const base = { userId: context.userId, ...(context.accountId ? { accountId: context.accountId } : {}) }
  const props = properties && Object.keys(properties).length > 0 ? { properties } : {}
  if (action === 'simulate_week') {
    // Oldest first, and a minute in the past so no event is ever "in the future" for the API.
    return Array.from({ length: SIMULATED_DAYS }, (_, i) => ({
      ...base,
      id: context.newId(),
      name: 'logged_in',
      timestamp: new Date(context.now.getTime() - (SIMULATED_DAYS - 1 - i) * DAY_MS - 60_000).toISOString(),
    }))
  }
  return [{ ...base, id: context.newId(), name: EVENT_OF[action], timestamp: context.now.toISOString(), ...props }]
}
