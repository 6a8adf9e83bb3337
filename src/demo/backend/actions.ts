import type { CairnEvent } from '../../core'
import { simulatedLogInTimes } from '../simulated-log-ins'

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
  'join_teammate',
] as const
export type DemoAction = (typeof DEMO_ACTIONS)[number]

export function isDemoAction(value: unknown): value is DemoAction {
  return typeof value === 'string' && (DEMO_ACTIONS as readonly string[]).includes(value)
}

/** Event names of the Taskly program (src/core/programs/taskly.json). */
const EVENT_OF: Record<Exclude<DemoAction, 'simulate_week' | 'join_teammate'>, string> = {
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


export interface ActionContext {
  userId: string
  accountId?: string
  /** The user's sign-up: nothing is ever reported before it. */
  signedUpAt: string
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
    // Never before the sign-up: a user who joined three days ago has three days to log in on.
    const signedUpAt = Date.parse(context.signedUpAt)
    return simulatedLogInTimes(signedUpAt, context.now.getTime()).map((time) => ({
      ...base,
      id: context.newId(),
      name: 'logged_in',
      timestamp: new Date(time).toISOString(),
    }))
  }
  if (action === 'join_teammate') {
    // The invited person accepts and signs in: their own log-in, in this user's account.
    return [{ userId: String(properties?.teammateId), ...(context.accountId ? { accountId: context.accountId } : {}), id: context.newId(), name: 'logged_in', timestamp: context.now.toISOString() }]
  }
  return [{ ...base, id: context.newId(), name: EVENT_OF[action], timestamp: context.now.toISOString(), ...props }]
}

/**
 * The Taskly user id of an invited teammate in an account: stable per email, so accepting the same invite
 * twice is the same person. Never the email itself (Cairn should not hold addresses).
 */
export function teammateUserId(accountId: string, email: string): string {
  let hash = 0x811c9dc5
  for (const ch of email.trim().toLowerCase()) hash = Math.imul(hash ^ ch.codePointAt(0)!, 0x01000193) >>> 0
  return `${accountId}-member-${hash.toString(16).padStart(8, '0')}`
}
