import { evaluate, type CairnEvent } from '../../../src/core'
import { applyMigrations } from '../../../src/server/storage'
import type { CairnService } from '../../../src/server/service-types'
import { availableBackends, storageSuite } from './backends'
import { eventsFor } from './events'

const NOW = new Date('2026-03-10T12:00:00.000Z')
const SIGNED_UP = '2026-03-01T09:00:00.000Z'

describe.each(availableBackends())('ingest on $name', (backend) => {
  // Services run on the test's clock: subject updates are evaluated at NOW, like the events.
  const suite = storageSuite(backend, { now: () => NOW })
  let service: CairnService

  beforeEach(async () => {
    service = await suite.start()
  })

  const storedEvents = async (userId: string) =>
    (await suite.storage.query<{ payload: CairnEvent }>('SELECT payload FROM events WHERE program_id = $1 AND user_id = $2', [service.program.id, userId])).map(
      (r) => r.payload,
    )

  it('counts a batch sent twice only once', async () => {
    const batch = eventsFor('u1', 'task_added', 3, { end: NOW })
    expect(await service.ingest(batch, { now: NOW })).toEqual({ accepted: 3, duplicates: 0, rejected: [] })
    expect(await service.ingest(batch, { now: NOW })).toEqual({ accepted: 0, duplicates: 3, rejected: [] })
    expect(await storedEvents('u1')).toHaveLength(3)
    expect((await service.progress('u1', NOW)).milestones['five-tasks']?.current).toBe(3)
  })

  it('treats a repeated id inside one batch as a duplicate', async () => {
    const [event] = eventsFor('u1', 'project_created', 1, { end: NOW })
    const result = await service.ingest([event, { ...event }], { now: NOW })
    expect(result).toEqual({ accepted: 1, duplicates: 1, rejected: [] })
  })

  it('rejects a reused id with a different payload as a conflict and keeps the first', async () => {
    const [event] = eventsFor('u1', 'project_created', 1, { end: NOW })
    await service.ingest([event], { now: NOW })
    const changed = { ...event!, name: 'task_added' }
    const other = eventsFor('u1', 'task_added', 1, { end: NOW, idPrefix: 'fresh' })
    const result = await service.ingest([changed, ...other], { now: NOW })
    expect(result.accepted).toBe(1)
    expect(result.rejected).toEqual([{ index: 0, error: expect.objectContaining({ code: 'conflict' }) }])
    expect((await storedEvents('u1')).find((e) => e.id === event!.id)?.name).toBe('project_created')
  })

  it('rejects timestamps more than five minutes ahead but accepts small clock skew', async () => {
    const soon = { id: 'soon', name: 'logged_in', userId: 'u1', timestamp: new Date(NOW.getTime() + 4 * 60_000).toISOString() }
    const later = { id: 'later', name: 'logged_in', userId: 'u1', timestamp: new Date(NOW.getTime() + 6 * 60_000).toISOString() }
    const result = await service.ingest([soon, later], { now: NOW })
    expect(result.accepted).toBe(1)
    expect(result.rejected).toEqual([{ index: 1, error: expect.objectContaining({ code: 'future_timestamp' }) }])
  })

  it('rejects malformed events one by one, naming the bad field', async () => {
    const good = eventsFor('u1', 'task_added', 1, { end: NOW })[0]
    const result = await service.ingest([{ id: '', name: 'x', userId: 'u1', timestamp: 'yesterday' }, 'nope', good], { now: NOW })
    expect(result.accepted).toBe(1)
    expect(result.rejected.map((r) => [r.index, r.error.code])).toEqual([
      [0, 'invalid_event'],
      [1, 'invalid_event'],
    ])
    expect(result.rejected[0]?.error.message).toMatch(/timestamp/)
  })

  it('limits a user-token batch to that user and to client-trackable events', async () => {
    const own = { id: 'f1', name: 'feature_used', userId: 'me', timestamp: NOW.toISOString(), properties: { feature: 'board' } }
    const someoneElse = { ...own, id: 'f2', userId: 'other' }
    const serverOnly = { id: 'p1', name: 'project_created', userId: 'me', timestamp: NOW.toISOString() }
    const result = await service.ingest([own, someoneElse, serverOnly], { now: NOW, onlyUserId: 'me', onlyClientTrackable: true })
    expect(result.accepted).toBe(1)
    expect(result.rejected.map((r) => [r.index, r.error.code])).toEqual([
      [1, 'forbidden'],
      [2, 'not_client_trackable'],
    ])
  })

  it('stores progress equal to evaluate over every stored event, batch after batch', async () => {
    await service.upsertSubject('u1', { signedUpAt: SIGNED_UP, accountId: 'a1', traits: { plan: 'team' } })
    const batches = [
      [...eventsFor('u1', 'project_created', 2, { end: NOW, accountId: 'a1' }), ...eventsFor('u1', 'teammate_invited', 1, { end: NOW })],
      [...eventsFor('u1', 'task_added', 6, { end: NOW }), ...eventsFor('u2', 'logged_in', 2, { end: NOW, accountId: 'a1' })],
      eventsFor('u1', 'task_completed', 12, { end: NOW }),
      eventsFor('u1', 'feature_used', 3, { end: NOW, properties: (i) => ({ feature: `f${i}` }) }),
    ]
    for (const batch of batches) {
      await service.ingest(batch, { now: NOW })
      const [row] = await suite.storage.query<{ snapshot: unknown }>('SELECT snapshot FROM progress WHERE program_id = $1 AND user_id = $2', [
        service.program.id,
        'u1',
      ])
      const all = (await suite.storage.query<{ payload: CairnEvent }>('SELECT payload FROM events WHERE program_id = $1', [service.program.id])).map((r) => r.payload)
      const subject = { userId: 'u1', accountId: 'a1', signedUpAt: SIGNED_UP, traits: { plan: 'team' } }
      expect(row?.snapshot).toEqual(evaluate(service.program, all, { now: NOW, subject }))
    }
    expect((await service.progress('u1', NOW)).levels[0]?.state).toBe('complete')
  })

  it('keeps concurrent batches for one user from losing events', async () => {
    const batches = Array.from({ length: 5 }, (_, b) => eventsFor('u1', 'task_completed', 4, { end: NOW, idPrefix: `b${b}` }))
    await Promise.all(batches.map((batch) => service.ingest(batch, { now: NOW })))
    const all = await storedEvents('u1')
    const [row] = await suite.storage.query<{ snapshot: unknown }>('SELECT snapshot FROM progress WHERE program_id = $1 AND user_id = $2', [service.program.id, 'u1'])
    const [subjectRow] = await suite.storage.query<{ payload: never }>('SELECT payload FROM subjects WHERE program_id = $1 AND user_id = $2', [service.program.id, 'u1'])
    expect(row?.snapshot).toEqual(evaluate(service.program, all, { now: NOW, subject: subjectRow!.payload }))
    expect((await service.progress('u1', NOW)).milestones['ten-tasks-done']?.state).toBe('achieved')
  })

  it('moves an account milestone for every user of the account', async () => {
    for (const userId of ['a', 'b', 'c']) await service.upsertSubject(userId, { signedUpAt: SIGNED_UP, accountId: 'acme', traits: { plan: 'team' } })
    await service.upsertSubject('outsider', { signedUpAt: SIGNED_UP, accountId: 'other', traits: { plan: 'team' } })
    await service.ingest(eventsFor('a', 'logged_in', 1, { end: NOW, accountId: 'acme' }), { now: NOW })
    await service.ingest(eventsFor('b', 'logged_in', 1, { end: NOW, accountId: 'acme' }), { now: NOW })
    expect((await service.progress('c', NOW)).milestones['three-active-teammates']?.current).toBe(2)
    await service.ingest(eventsFor('c', 'logged_in', 1, { end: NOW, accountId: 'acme' }), { now: NOW })
    for (const userId of ['a', 'b', 'c']) {
      const [row] = await suite.storage.query<{ snapshot: { milestones: Record<string, { state: string }> } }>(
        'SELECT snapshot FROM progress WHERE program_id = $1 AND user_id = $2',
        [service.program.id, userId],
      )
      expect(row?.snapshot.milestones['three-active-teammates']?.state).toBe('achieved')
    }
    expect((await service.progress('outsider', NOW)).milestones['three-active-teammates']?.current).toBe(0)
  })

  it("never lets one user's events move another user's progress", async () => {
    await service.upsertSubject('alice', { signedUpAt: SIGNED_UP })
    await service.upsertSubject('bob', { signedUpAt: SIGNED_UP })
    await service.ingest(eventsFor('alice', 'project_created', 3, { end: NOW }), { now: NOW })
    expect((await service.progress('alice', NOW)).milestones['three-projects']?.current).toBe(3)
    const bob = await service.progress('bob', NOW)
    expect(bob.milestones['three-projects']?.current).toBe(0)
    expect(bob.celebrations).toEqual([])
  })

  it('creates a user for an event from someone the host has not described yet', async () => {
    await service.ingest(eventsFor('newcomer', 'project_created', 1, { end: NOW }), { now: NOW })
    expect((await service.progress('newcomer', NOW)).milestones['first-project']?.state).toBe('achieved')
  })

  it('applies migrations once: a second run finds nothing to do', async () => {
    expect(await applyMigrations(suite.storage)).toEqual([])
    expect(await service.health()).toBe(true)
  })
})
