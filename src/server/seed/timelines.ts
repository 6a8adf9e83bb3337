import type { CairnEvent } from '../../core'
import { createRandom, type Random } from './prng'

const DAY_MS = 24 * 60 * 60 * 1000

/** How a synthetic user behaves after signing up. */
export type Archetype = 'fast' | 'steady' | 'stalled' | 'churned'

/** Feature names `feature_used` reports (three distinct ones complete `three-features`). */
export const FEATURES = ['board-view', 'list-view', 'timeline-view', 'calendar', 'tags', 'comments'] as const
/** Tools `integration_connected` names. */
export const INTEGRATIONS = ['slack', 'github', 'google-drive', 'zapier'] as const

/** `count` actions of one kind, spread over `[fromDay, toDay]` after signup, done with `probability`. */
interface Step {
  name: string
  count: [number, number]
  days: [number, number]
  probability?: number
  properties?: (random: Random, i: number) => Record<string, string>
}

const feature = (random: Random, i: number) => ({ feature: FEATURES[(i + random.int(0, 1)) % FEATURES.length]! })
const integration = (random: Random) => ({ integration: random.pick(INTEGRATIONS) })

/** Level 1 in a day, level 2 within two weeks, power-user moves within three. */
const FAST: Step[] = [
  { name: 'project_created', count: [1, 1], days: [0, 0.2] },
  { name: 'task_added', count: [6, 14], days: [0, 1.5] },
  { name: 'teammate_invited', count: [1, 2], days: [0.1, 2] },
  { name: 'project_created', count: [2, 4], days: [1, 6] },
  { name: 'task_completed', count: [12, 70], days: [1, 50] },
  { name: 'feature_used', count: [3, 6], days: [1, 10], properties: feature },
  { name: 'workflow_automated', count: [1, 2], days: [5, 14] },
  { name: 'report_generated', count: [1, 3], days: [6, 20] },
  { name: 'integration_connected', count: [1, 2], days: [7, 21], properties: integration },
]

/** Level 1 within the first week, level 2 within about a month, some of level 3 later. */
const STEADY: Step[] = [
  { name: 'project_created', count: [1, 1], days: [0, 2] },
  { name: 'task_added', count: [5, 10], days: [0, 6] },
  { name: 'teammate_invited', count: [1, 1], days: [2, 9], probability: 0.8 },
  { name: 'project_created', count: [2, 3], days: [5, 25] },
  { name: 'task_completed', count: [6, 35], days: [3, 60] },
  { name: 'feature_used', count: [2, 5], days: [5, 30], properties: feature },
  { name: 'workflow_automated', count: [1, 1], days: [20, 60], probability: 0.5 },
  { name: 'report_generated', count: [1, 2], days: [25, 70], probability: 0.4 },
  { name: 'integration_connected', count: [1, 1], days: [30, 80], probability: 0.3, properties: integration },
]

/** Finishes (most of) level 1, then goes quiet after about a week. */
const STALLED: Step[] = [
  { name: 'project_created', count: [1, 2], days: [0, 1] },
  { name: 'task_added', count: [4, 7], days: [0, 3] },
  { name: 'teammate_invited', count: [1, 1], days: [1, 6], probability: 0.85 },
  { name: 'task_completed', count: [1, 6], days: [1, 8] },
  { name: 'feature_used', count: [1, 2], days: [1, 8], properties: feature },
]

/** Looks around for a few days and leaves. */
const CHURNED: Step[] = [
  { name: 'project_created', count: [1, 1], days: [0, 1], probability: 0.7 },
  { name: 'task_added', count: [1, 4], days: [0, 4] },
]

const STEPS: Record<Archetype, Step[]> = { fast: FAST, steady: STEADY, stalled: STALLED, churned: CHURNED }
/** Days after signup during which each kind of user keeps logging in, and how often. */
const LOGINS: Record<Archetype, { days: number; probability: number }> = {
  fast: { days: 60, probability: 0.7 },
  steady: { days: 80, probability: 0.4 },
  stalled: { days: 9, probability: 0.5 },
  churned: { days: 7, probability: 0.4 },
}

/**
 * Adopters keep logging in after their busy first months, at the same rate, until now: "inactive for 14+ days"
 * is then mostly stalled and churned users, as in a real product.
 */
const KEEPS_COMING_BACK: readonly Archetype[] = ['fast', 'steady']

/** FNV-1a: a stable 32-bit seed from a user id. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

/** Whose timeline to generate, and until when. */
export interface TimelineInput {
  userId: string
  accountId: string
  signedUpAt: Date
  archetype: Archetype
  now: Date
}

/** A user's synthetic events, oldest first; nothing after `now` (a recent signup has only lived part of its timeline). */
export function timelineEvents(random: Random, input: TimelineInput): CairnEvent[] {
  const start = input.signedUpAt.getTime()
  const times: { name: string; ms: number; properties?: Record<string, string> }[] = []
  for (const step of STEPS[input.archetype]) {
    if (step.probability !== undefined && !random.chance(step.probability)) continue
    const count = random.int(...step.count)
    for (let i = 0; i < count; i++) {
      const ms = start + random.between(...step.days) * DAY_MS
      times.push({ name: step.name, ms, ...(step.properties ? { properties: step.properties(random, i) } : {}) })
    }
  }
  const login = LOGINS[input.archetype]
  for (let day = 0; day < login.days; day++) {
    if (day === 0 || random.chance(login.probability)) times.push({ name: 'logged_in', ms: start + (day + random.between(0, 0.9)) * DAY_MS })
  }
  if (KEEPS_COMING_BACK.includes(input.archetype)) {
    // Drawn from the user's own stream, so the rest of the cohort (and the experiment's numbers) stay as they were.
    const own = createRandom(hashOf(input.userId))
    for (let day = login.days; start + day * DAY_MS <= input.now.getTime(); day++) {
      if (own.chance(login.probability)) times.push({ name: 'logged_in', ms: start + (day + own.between(0, 0.9)) * DAY_MS })
    }
  }
  return times
    .filter((t) => t.ms <= input.now.getTime())
    .sort((a, b) => a.ms - b.ms)
    .map((t, i) => ({
      id: `seed-${input.userId}-${i}`,
      name: t.name,
      userId: input.userId,
      accountId: input.accountId,
      timestamp: new Date(Math.floor(t.ms)).toISOString(),
      ...(t.properties ? { properties: t.properties } : {}),
    }))
}
