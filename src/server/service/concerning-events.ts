import type { CairnEvent, Subject } from '../../core'

/** Whether an event counts for the subject: their own, or their account's. */
export function concerns(event: CairnEvent, subject: Subject): boolean {
  return event.userId === subject.userId || (subject.accountId !== undefined && event.accountId === subject.accountId)
}

/**
 * `events.filter((event) => concerns(event, subject))` for many subjects without a scan each: positions by user id
 * and by account id, merged back into the events' own order.
 */
export function eventsConcerning(events: readonly CairnEvent[]): (subject: Subject) => CairnEvent[] {
  const byUser = new Map<string, number[]>()
  const byAccount = new Map<string, number[]>()
  const note = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key)
    if (list) list.push(i)
    else map.set(key, [i])
  }
  events.forEach((event, i) => {
    note(byUser, event.userId, i)
    if (event.accountId !== undefined) note(byAccount, event.accountId, i)
  })
  return (subject) => {
    const mine = byUser.get(subject.userId) ?? []
    const team = subject.accountId === undefined ? [] : (byAccount.get(subject.accountId) ?? [])
    const own: CairnEvent[] = []
    let last = -1
    for (let a = 0, b = 0; a < mine.length || b < team.length; ) {
      const next = b >= team.length || (a < mine.length && mine[a]! <= team[b]!) ? mine[a++]! : team[b++]!
      if (next === last) continue // one's own event in one's own account: listed under both
      own.push(events[next]!)
      last = next
    }
    return own
  }
}

/** Events grouped by sender and by account, in their own order: a member's own events and an account history's. */
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
