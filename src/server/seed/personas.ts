import type { CairnEvent, Subject } from '../../core'
import type { SeedAccount } from './cohort'
import { FEATURES } from './timelines'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

/** Fixed user ids the demo can sign in as. */
export const PERSONAS = {
  /** Signed up an hour ago, has done nothing yet. */
  new: 'persona-new',
  /** Level 1 done, partway through level 2, on the "team" plan with plenty of peers. */
  halfway: 'persona-halfway',
  /** Everything achieved. */
  power: 'persona-power',
  /** On "enterprise", a segment of fewer than 10 accounts, so benchmarks are withheld. */
  smallSegment: 'persona-small-segment',
  /** Level 1 done and well into level 2, then nothing for 16 days: the inactivity signal is active. */
  wentQuiet: 'persona-went-quiet',
  /** Set up and working, with a support case opened yesterday: celebrations and upsell steps wait. */
  supportCase: 'persona-support-case',
} as const

/** Enterprise accounts besides the persona's: kept below the program's minCohort on purpose. */
const OTHER_ENTERPRISE_ACCOUNTS = 3

type Action = [name: string, day: number, properties?: Record<string, string>]

/** Turns `[name, dayAfterSignup]` pairs into events (spaced a minute apart so their order is stable). */
function actions(userId: string, accountId: string, signedUpAt: number, list: readonly Action[]): CairnEvent[] {
  return list.map(([name, day, properties], i) => ({
    id: `seed-${userId}-${i}`,
    name,
    userId,
    accountId,
    timestamp: new Date(signedUpAt + day * DAY_MS + i * 60_000).toISOString(),
    ...(properties ? { properties } : {}),
  }))
}

const repeat = (name: string, count: number, fromDay: number, toDay: number): Action[] =>
  Array.from({ length: count }, (_, i) => [name, fromDay + ((toDay - fromDay) * i) / Math.max(1, count - 1)] as Action)

function subject(userId: string, accountId: string, signedUpAt: number, plan: string, role = 'admin'): Subject {
  return { userId, accountId, signedUpAt: new Date(signedUpAt).toISOString(), traits: { plan, role }, consent: true }
}

/** The demo's named users, their teammates and the small enterprise segment, relative to `now`. */
export function personaAccounts(now: Date): SeedAccount[] {
  const t = now.getTime()
  const accounts: SeedAccount[] = []

  const newAt = t - HOUR_MS
  accounts.push({ accountId: 'acct-persona-new', subjects: [subject(PERSONAS.new, 'acct-persona-new', newAt, 'team')], events: [] })

  const halfwayAt = t - 12 * DAY_MS
  const halfwayMate = 'persona-halfway-teammate'
  accounts.push({
    accountId: 'acct-persona-halfway',
    subjects: [subject(PERSONAS.halfway, 'acct-persona-halfway', halfwayAt, 'team'), subject(halfwayMate, 'acct-persona-halfway', halfwayAt + DAY_MS, 'team', 'member')],
    events: [
      ...actions(PERSONAS.halfway, 'acct-persona-halfway', halfwayAt, [
        ['logged_in', 0], ['project_created', 0.1], ...repeat('task_added', 6, 0.2, 1.5), ['teammate_invited', 1],
        ['logged_in', 2], ['project_created', 3], ...repeat('task_completed', 6, 3, 9), ['logged_in', 5],
        ['feature_used', 6, { feature: FEATURES[0] }], ['feature_used', 8, { feature: FEATURES[1] }], ['logged_in', 9],
      ]),
      ...actions(halfwayMate, 'acct-persona-halfway', halfwayAt + DAY_MS, [['logged_in', 0], ...repeat('task_added', 3, 0.5, 4)]),
    ],
  })

  const powerAt = t - 60 * DAY_MS
  const powerMates = ['persona-power-teammate-1', 'persona-power-teammate-2']
  accounts.push({
    accountId: 'acct-persona-power',
    subjects: [subject(PERSONAS.power, 'acct-persona-power', powerAt, 'business'), ...powerMates.map((id) => subject(id, 'acct-persona-power', powerAt + DAY_MS, 'business', 'member'))],
    events: [
      ...actions(PERSONAS.power, 'acct-persona-power', powerAt, [
        ['project_created', 0.1], ...repeat('task_added', 8, 0.2, 1), ['teammate_invited', 0.5], ['teammate_invited', 0.6],
        ...repeat('project_created', 3, 1, 4), ...repeat('task_completed', 55, 1, 50),
        ...FEATURES.slice(0, 4).map((feature, i): Action => ['feature_used', 2 + i, { feature }]),
        ['workflow_automated', 8], ['report_generated', 10], ['integration_connected', 12, { integration: 'slack' }],
        ...repeat('logged_in', 30, 0, 58),
      ]),
      ...powerMates.flatMap((id) => actions(id, 'acct-persona-power', powerAt + DAY_MS, [['logged_in', 0], ['logged_in', 3], ...repeat('task_completed', 4, 1, 10)])),
    ],
  })

  accounts.push(...riskAccounts(t))

  const smallAt = t - 20 * DAY_MS
  accounts.push({
    accountId: 'acct-persona-small-segment',
    subjects: [subject(PERSONAS.smallSegment, 'acct-persona-small-segment', smallAt, 'enterprise')],
    events: actions(PERSONAS.smallSegment, 'acct-persona-small-segment', smallAt, [
      ['logged_in', 0], ['project_created', 0.2], ...repeat('task_added', 5, 0.3, 2), ['teammate_invited', 2], ...repeat('task_completed', 4, 3, 12),
    ]),
  })
  for (let i = 1; i <= OTHER_ENTERPRISE_ACCOUNTS; i++) {
    const accountId = `acct-enterprise-${i}`
    const userId = `${accountId}-u1`
    const at = t - (25 + i * 7) * DAY_MS
    accounts.push({
      accountId,
      subjects: [subject(userId, accountId, at, 'enterprise')],
      events: actions(userId, accountId, at, [['logged_in', 0], ['project_created', 1], ...repeat('task_added', 4 + i, 1, 5)]),
    })
  }
  return accounts
}

/** The personas for acting on progress (DESIGN §7.1–7.2): one who went quiet, one with an open support case. */
function riskAccounts(t: number): SeedAccount[] {
  // Signed up 40 days ago; the last thing done was 16 days ago (day 24), so "inactive for 14 days" holds since day 38.
  const quietAt = t - 40 * DAY_MS
  const quiet: SeedAccount = {
    accountId: 'acct-persona-went-quiet',
    subjects: [subject(PERSONAS.wentQuiet, 'acct-persona-went-quiet', quietAt, 'team')],
    events: actions(PERSONAS.wentQuiet, 'acct-persona-went-quiet', quietAt, [
      ['logged_in', 0], ['project_created', 0.2], ...repeat('task_added', 6, 0.3, 2), ['teammate_invited', 1], ['logged_in', 3],
      ...repeat('task_completed', 7, 4, 24), ['feature_used', 9, { feature: FEATURES[0] }], ['project_created', 12], ['logged_in', 24],
    ]),
  }
  // Ten days in, level 1 done but no teammate yet; a support case opened yesterday and is still open.
  const supportAt = t - 10 * DAY_MS
  const support: SeedAccount = {
    accountId: 'acct-persona-support-case',
    subjects: [subject(PERSONAS.supportCase, 'acct-persona-support-case', supportAt, 'team')],
    events: actions(PERSONAS.supportCase, 'acct-persona-support-case', supportAt, [
      ['logged_in', 0], ['project_created', 0.1], ...repeat('task_added', 5, 0.2, 1), ['logged_in', 4], ...repeat('task_completed', 4, 4, 8),
      ['support_case_opened', 9], ['logged_in', 9.5],
    ]),
  }
  return [quiet, support]
}
