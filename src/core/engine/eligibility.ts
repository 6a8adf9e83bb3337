import type { Subject } from '../schemas/event'
import type { Milestone } from '../schemas/program'

/** The eligibility rules a milestone or a signal may carry. */
export type Eligibility = Milestone['eligibility']

/** For this subject when every listed trait has one of its allowed values (a missing trait never does) and consent is given where required. */
export function isEligible(rules: Eligibility, subject: Subject): boolean {
  if (rules === undefined) return true
  if (rules.requiresConsent === true && subject.consent !== true) return false
  return matchesTraits(rules.traits, subject)
}

/** True when the subject has every listed trait with one of its allowed values; no rules always match. */
export function matchesTraits(rules: Readonly<Record<string, readonly (string | number | boolean)[]>> | undefined, subject: Subject): boolean {
  const traits = subject.traits ?? {}
  for (const trait of Object.keys(rules ?? {})) {
    const allowed = rules?.[trait] ?? []
    if (!Object.hasOwn(traits, trait)) return false
    const value = traits[trait]
    if (!allowed.some((candidate) => candidate === value)) return false
  }
  return true
}
