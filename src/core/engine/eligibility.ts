import type { Subject } from '../schemas/event'
import type { Milestone } from '../schemas/program'

/** A milestone is for this subject when every listed trait has one of its allowed values (a missing trait never does) and consent is given where required. */
export function isEligible(milestone: Milestone, subject: Subject): boolean {
  const rules = milestone.eligibility
  if (rules === undefined) return true
  if (rules.requiresConsent === true && subject.consent !== true) return false
  const traits = subject.traits ?? {}
  for (const trait of Object.keys(rules.traits ?? {})) {
    const allowed = rules.traits?.[trait] ?? []
    if (!Object.hasOwn(traits, trait)) return false
    const value = traits[trait]
    if (!allowed.some((candidate) => candidate === value)) return false
  }
  return true
}
