import type { CairnEvent } from '../../core'

/**
 * Stored events grouped once by sender and by account, each group in the events' own order: what a member's
 * evaluator holds itself, and what its account's shared history holds (`evaluator-cache.ts`).
 */
export function eventsByOwner(events: readonly CairnEvent[]): { ofUser(userId: string): CairnEvent[]; ofAccount(accountId: string): CairnEvent[] } {
  const byUser = new Map<string, CairnEvent[]>()
  const byAccount = new Map<string, CairnEvent[]>()
  const note = (map: Map<string, CairnEvent[]>, key: string, event: CairnEvent) => {
    const list = map.get(key)
    if (list) list.push(event)
    else map.set(key, [event])
  }
  for (const event of events) {
    note(byUser, event.userId, event)
    if (event.accountId !== undefined) note(byAccount, event.accountId, event)
  }
  return { ofUser: (userId) => byUser.get(userId) ?? [], ofAccount: (accountId) => byAccount.get(accountId) ?? [] }
}
