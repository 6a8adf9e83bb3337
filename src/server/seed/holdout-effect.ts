import { assignmentBucket, experimentArm, type Experiment } from '../../core'
import type { SeedAccount } from './cohort'

/**
 * Share of held-out seed accounts whose users never invite a teammate: without the widget's "Invite a teammate"
 * step some teams simply don't. Small on purpose — a modest true effect (about 10 points of activation) that a
 * 10% holdout of a few hundred accounts can only estimate with a wide, honest interval.
 */
export const HOLDOUT_SKIPS_INVITE_SHARE = 0.15

/**
 * The demo cohort as it would behave under the experiment: held-out accounts are picked with the same assignment
 * as the server's, and some of them lose their invitations. Which ones is decided by a hash of the account id, not
 * the cohort's PRNG, so every other account's timeline stays exactly as generated.
 */
export function withHoldoutEffect(accounts: readonly SeedAccount[], experiment: Experiment | undefined): SeedAccount[] {
  if (!experiment) return [...accounts]
  return accounts.map((account) => {
    if (experimentArm(experiment, account.accountId) !== 'holdout') return account
    if (assignmentBucket('seed-holdout-effect', account.accountId) >= HOLDOUT_SKIPS_INVITE_SHARE * 100) return account
    return { ...account, events: account.events.filter((event) => event.name !== 'teammate_invited') }
  })
}
