import { demoExperiment, experimentArm, type Subject } from '../../core'

/** The people a visitor can "be" in the demo; each maps to a subject the seed created. */
export const PERSONA_IDS = ['new', 'halfway', 'halfway-teammate', 'power', 'small-segment', 'went-quiet', 'support-case'] as const
export type PersonaId = (typeof PERSONA_IDS)[number]

/** Seeded user id of each persona (the seed names them `persona-<id>`). */
export function personaUserId(persona: PersonaId): string {
  return `persona-${persona}`
}

export function isPersonaId(value: unknown): value is PersonaId {
  return typeof value === 'string' && (PERSONA_IDS as readonly string[]).includes(value)
}

/**
 * A brand-new user cloned from a persona's traits (the same segment, so benchmarks stay comparable), with its
 * own ids so resetting never touches anybody else's data.
 */
export function freshSubject(template: Subject, now: Date, randomId: string): Subject {
  const userId = `persona-new-${randomId}`
  // The demo shows the widget: a fresh account always lands in the experiment's treatment arm.
  let accountId = `${userId}-account`
  for (let n = 2; experimentArm(demoExperiment, accountId) === 'holdout'; n++) accountId = `${userId}-account-${n}`
  return {
    userId,
    accountId,
    signedUpAt: now.toISOString(),
    ...(template.traits ? { traits: template.traits } : {}),
    ...(template.consent !== undefined ? { consent: template.consent } : {}),
    ...(template.timeZone ? { timeZone: template.timeZone } : {}),
  }
}
