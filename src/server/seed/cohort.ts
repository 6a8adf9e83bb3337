import type { CairnEvent, Subject } from '../../core'
import { createRandom, type Random } from './prng'
import { timelineEvents, type Archetype } from './timelines'

const DAY_MS = 24 * 60 * 60 * 1000

/** One synthetic team: its users' subjects and all their events (ingested together so account milestones settle once). */
export interface SeedAccount {
  accountId: string
  subjects: Subject[]
  events: CairnEvent[]
}

/** Size, seed and time frame of the synthetic cohort. */
export interface CohortOptions {
  /** How many accounts. @default 300 */
  accounts?: number
  /** PRNG seed: the same seed and `now` give the same cohort. @default 42 */
  seed?: number
  /** Signups spread over this many days before `now`. @default 120 */
  spanDays?: number
  now: Date
}

type Plan = 'free' | 'team' | 'business'

/** Who signs up for which plan, and how many seats each plan tends to have. */
const PLAN_WEIGHTS: Record<Plan, number> = { free: 4, team: 4, business: 2 }
const SEATS: Record<Plan, [number, number]> = { free: [1, 2], team: [2, 5], business: [3, 5] }
/** Paying teams adopt faster; free users more often look around and leave. */
const ARCHETYPES: Record<Plan, Record<Archetype, number>> = {
  free: { fast: 1, steady: 3, stalled: 3, churned: 3 },
  team: { fast: 3, steady: 4, stalled: 2, churned: 1 },
  business: { fast: 4, steady: 4, stalled: 1, churned: 1 },
}
const ROLES = ['admin', 'member', 'member', 'manager'] as const

/** A deterministic synthetic cohort: accounts on free/team/business with 1–5 users and varied timelines. */
export function generateCohort(options: CohortOptions): SeedAccount[] {
  const random = createRandom(options.seed ?? 42)
  const count = options.accounts ?? 300
  const span = options.spanDays ?? 120
  return Array.from({ length: count }, (_, index) => generateAccount(random, `acct-${String(index + 1).padStart(3, '0')}`, span, options.now))
}

function generateAccount(random: Random, accountId: string, spanDays: number, now: Date): SeedAccount {
  const plan = random.weighted(PLAN_WEIGHTS)
  const accountArchetype = random.weighted(ARCHETYPES[plan])
  const founded = now.getTime() - random.between(0.5, spanDays) * DAY_MS
  const seats = random.int(...SEATS[plan])
  const subjects: Subject[] = []
  const events: CairnEvent[] = []
  for (let seat = 0; seat < seats; seat++) {
    const userId = `${accountId}-u${seat + 1}`
    // Teammates join over the first days and tend to follow the account's pace, a little slower.
    const signedUpAt = new Date(Math.min(now.getTime() - 60_000, founded + (seat === 0 ? 0 : random.between(0.2, 6)) * DAY_MS))
    const archetype = seat === 0 || random.chance(0.6) ? accountArchetype : random.weighted(ARCHETYPES[plan])
    subjects.push({
      userId,
      accountId,
      signedUpAt: signedUpAt.toISOString(),
      traits: { plan, role: seat === 0 ? 'admin' : random.pick(ROLES) },
      consent: true,
    })
    events.push(...timelineEvents(random, { userId, accountId, signedUpAt, archetype, now }))
  }
  return { accountId, subjects, events }
}
