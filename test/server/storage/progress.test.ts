import { evaluate, type CairnEvent, type MeProgress } from '../../../src/core'
import { availableBackends, freshProgram, storageSuite } from './backends'
import { eventsFor } from './events'

const NOW = new Date('2026-03-10T12:00:00.000Z')
const SIGNED_UP = '2026-03-01T09:00:00.000Z'

describe.each(availableBackends())('progress, celebrations and subjects on $name', (backend) => {
  // Services run on the test's clock: subject updates are evaluated at NOW, like the events.
  const suite = storageSuite(backend, { now: () => NOW })

  const allEvents = async (programId: string) =>
    (await suite.storage.query<{ payload: CairnEvent }>('SELECT payload FROM events WHERE program_id = $1', [programId])).map((r) => r.payload)
  const storedSnapshot = async (programId: string, userId: string) =>
    (await suite.storage.query<{ snapshot: unknown }>('SELECT snapshot FROM progress WHERE program_id = $1 AND user_id = $2', [programId, userId]))[0]?.snapshot

  it('rewrites and announces nothing for an event that changes no progress, yet moves the version for other processes', async () => {
    const program = freshProgram({
      milestones: [{ id: 'a', title: 'A', category: 'onboarding', criterion: { kind: 'count', event: 'did_a', atLeast: 1 } }],
      levels: [],
      badges: [],
      signals: undefined,
      suppress: undefined,
      experiment: undefined,
    })
    const service = await suite.start(program)
    await service.upsertSubject('u1', { signedUpAt: SIGNED_UP })
    await service.ingest(eventsFor('u1', 'did_a', 1, { end: NOW }), { now: NOW })
    const row = async () =>
      (
        await suite.storage.query<{ version: number; snapshot: unknown; updated_at: unknown }>(
          'SELECT version, snapshot, updated_at FROM progress WHERE program_id = $1 AND user_id = $2',
          [program.id, 'u1'],
        )
      )[0]!
    const before = await row()
    const pushed: MeProgress[] = []
    const unsubscribe = service.subscribe('u1', (progress) => pushed.push(progress))

    // A minute later: a rewritten snapshot would say so in `evaluatedAt`.
    await service.ingest(eventsFor('u1', 'read_nowhere', 1, { end: NOW }), { now: new Date(NOW.getTime() + 60_000) })
    const after = await row()
    expect(Number(after.version)).toBe(Number(before.version) + 1)
    expect(after.snapshot).toEqual(before.snapshot)
    // The row still moves, so a cohort refresh sees that events were stored (retention reads events, not snapshots).
    expect(after.updated_at).not.toEqual(before.updated_at)

    // The next real change is the first thing the subscriber hears.
    await service.ingest(eventsFor('u1', 'did_a', 1, { end: NOW, idPrefix: 'second' }), { now: NOW })
    await vi.waitFor(() => expect(pushed.length).toBeGreaterThan(0))
    expect(pushed.map((progress) => progress.milestones.a?.current)).toEqual([2])
    unsubscribe()
  })

  it('creates each celebration once and never returns it after it was seen', async () => {
    const service = await suite.start()
    await service.upsertSubject('u1', { signedUpAt: SIGNED_UP })
    await service.ingest(eventsFor('u1', 'project_created', 1, { end: NOW }), { now: NOW })
    await service.ingest(eventsFor('u1', 'project_created', 1, { end: NOW, idPrefix: 'more' }), { now: NOW })
    const pending = (await service.progress('u1', NOW)).celebrations
    expect(pending.map((c) => c.id)).toEqual(['milestone:first-project'])

    expect(await service.ackCelebration('someone-else', 'milestone:first-project')).toBe(false)
    expect(await service.ackCelebration('u1', 'milestone:unknown')).toBe(false)
    expect(await service.ackCelebration('u1', 'milestone:first-project')).toBe(true)
    await service.ingest(eventsFor('u1', 'task_added', 1, { end: NOW }), { now: NOW })
    expect((await service.progress('u1', NOW)).celebrations).toEqual([])
  })

  it('celebrates a completed level with its badge, best first', async () => {
    const service = await suite.start()
    await service.upsertSubject('u1', { signedUpAt: SIGNED_UP })
    await service.ingest(
      [...eventsFor('u1', 'project_created', 1, { end: NOW }), ...eventsFor('u1', 'task_added', 5, { end: NOW }), ...eventsFor('u1', 'teammate_invited', 1, { end: NOW })],
      { now: NOW },
    )
    const ids = (await service.progress('u1', NOW)).celebrations.map((c) => c.id)
    expect(ids[0]).toBe('level:getting-started')
    expect(ids).toContain('badge:organized')
    expect(ids).toContain('milestone:invite-teammate')
  })

  it.each([{ evaluatorCacheSize: 1 }, { evaluatorCacheEvents: 3 }])('rebuilds an evicted evaluator from stored events and stays equal to evaluate (%o)', async (limits) => {
    const service = await suite.start(freshProgram(), limits)
    for (let round = 0; round < 3; round++) {
      for (const userId of ['x', 'y']) {
        await service.ingest(eventsFor(userId, 'task_completed', 2, { end: NOW, idPrefix: `${userId}-${round}` }), { now: NOW })
      }
    }
    const events = await allEvents(service.program.id)
    for (const userId of ['x', 'y']) {
      const subject = { userId, signedUpAt: events.filter((e) => e.userId === userId).map((e) => e.timestamp).sort()[0]! }
      expect(await storedSnapshot(service.program.id, userId)).toEqual(evaluate(service.program, events, { now: NOW, subject }))
    }
  })

  it('notices writes by another process and rebuilds instead of trusting its warm cache', async () => {
    const program = freshProgram()
    const first = await suite.start(program)
    const second = await suite.start(program)
    await first.upsertSubject('u1', { signedUpAt: SIGNED_UP })
    await first.ingest(eventsFor('u1', 'task_completed', 4, { end: NOW, idPrefix: 'one' }), { now: NOW })
    await second.ingest(eventsFor('u1', 'task_completed', 4, { end: NOW, idPrefix: 'two' }), { now: NOW })
    await first.ingest(eventsFor('u1', 'task_completed', 4, { end: NOW, idPrefix: 'three' }), { now: NOW })
    expect((await first.progress('u1', NOW)).milestones['ten-tasks-done']?.current).toBe(12)
    const subject = { userId: 'u1', signedUpAt: SIGNED_UP }
    expect(await storedSnapshot(program.id, 'u1')).toEqual(evaluate(program, await allEvents(program.id), { now: NOW, subject }))
  })

  it('stays equal to evaluate when two processes write to one user at the same time', async () => {
    const program = freshProgram()
    const [first, second] = [await suite.start(program), await suite.start(program)]
    await first.upsertSubject('u1', { signedUpAt: SIGNED_UP, accountId: 'acme' })
    const batches = Array.from({ length: 6 }, (_, b) => eventsFor('u1', 'task_completed', 3, { end: NOW, accountId: 'acme', idPrefix: `p${b}` }))
    await Promise.all(batches.map((batch, b) => (b % 2 === 0 ? first : second).ingest(batch, { now: NOW })))
    const subject = { userId: 'u1', accountId: 'acme', signedUpAt: SIGNED_UP }
    expect(await storedSnapshot(program.id, 'u1')).toEqual(evaluate(program, await allEvents(program.id), { now: NOW, subject }))
    expect((await second.progress('u1', NOW)).milestones['ten-tasks-done']?.current).toBe(18)
  })

  it('tells a subscriber about the new progress after an ingest', async () => {
    const service = await suite.start()
    await service.upsertSubject('u1', { signedUpAt: SIGNED_UP })
    const received = new Promise<MeProgress>((resolve) => {
      const stop = service.subscribe('u1', (progress) => {
        if (progress.milestones['first-project']?.state !== 'achieved') return
        stop()
        resolve(progress)
      })
    })
    await service.ingest(eventsFor('u1', 'project_created', 1, { end: NOW }), { now: NOW })
    const progress = await received
    expect(progress.celebrations.map((c) => c.id)).toContain('milestone:first-project')
  })

  it('rejects an invalid subject with the path of each problem', async () => {
    const service = await suite.start()
    await expect(service.upsertSubject('u1', { signedUpAt: 'soon', consent: 'yes' })).rejects.toMatchObject({
      code: 'invalid_body',
      details: expect.arrayContaining([expect.objectContaining({ path: 'signedUpAt' }), expect.objectContaining({ path: 'consent' })]),
    })
    await expect(service.upsertSubject('u1', { userId: 'u2', signedUpAt: SIGNED_UP })).rejects.toMatchObject({ code: 'invalid_body' })
  })

  it('re-evaluates a user whose subject changes: a plan outside the eligible list hides the account milestone', async () => {
    const service = await suite.start()
    await service.upsertSubject('u1', { signedUpAt: SIGNED_UP, accountId: 'acme', traits: { plan: 'team' } })
    await service.ingest(eventsFor('u1', 'logged_in', 1, { end: NOW, accountId: 'acme' }), { now: NOW })
    expect((await service.progress('u1', NOW)).milestones['three-active-teammates']?.state).toBe('in_progress')
    await service.upsertSubject('u1', { signedUpAt: SIGNED_UP, accountId: 'acme', traits: { plan: 'free' } })
    expect((await service.progress('u1', NOW)).milestones['three-active-teammates']?.state).toBe('ineligible')
  })

  it('builds the subject from token claims, claims winning over stored traits', async () => {
    const service = await suite.start()
    await service.upsertSubject('u1', { signedUpAt: SIGNED_UP, traits: { plan: 'free', role: 'admin' }, timeZone: 'Europe/Paris' })
    const subject = await service.subjectFromToken({ userId: 'u1', accountId: 'acme', signedUpAt: SIGNED_UP, traits: { plan: 'team' } })
    expect(subject).toEqual({ userId: 'u1', accountId: 'acme', signedUpAt: SIGNED_UP, traits: { plan: 'team', role: 'admin' }, timeZone: 'Europe/Paris' })
    const fresh = await service.subjectFromToken({ userId: 'new', signedUpAt: SIGNED_UP, consent: true })
    expect(fresh).toEqual({ userId: 'new', signedUpAt: SIGNED_UP, consent: true })
    expect((await service.progress('new', NOW)).milestones['first-project']?.state).toBe('available')
  })

  it('summarises the week in a digest', async () => {
    const service = await suite.start()
    await service.upsertSubject('u1', { signedUpAt: SIGNED_UP })
    await service.ingest(eventsFor('u1', 'project_created', 1, { end: NOW }), { now: NOW })
    const digest = await service.digest('u1', 'week', NOW)
    expect(digest.achieved.map((a) => a.milestoneId)).toEqual(['first-project'])
  })

  it("reports the digest period's own time saved, not the all-time total", async () => {
    const service = await suite.start()
    await service.upsertSubject('u1', { signedUpAt: SIGNED_UP })
    const eightDaysAgo = new Date(NOW.getTime() - 8 * 24 * 60 * 60 * 1000)
    await service.ingest(eventsFor('u1', 'task_completed', 5, { end: eightDaysAgo, idPrefix: 'old' }), { now: NOW })
    await service.ingest(eventsFor('u1', 'task_completed', 3, { end: NOW, idPrefix: 'new' }), { now: NOW })
    expect((await service.progress('u1', NOW)).value?.minutesSaved).toBe(96)
    // 12 minutes a task (demo program): this week's 3 tasks, not all 8.
    expect((await service.digest('u1', 'week', NOW)).minutesSaved).toBe(36)
  })

  it('returns progress for a user nobody has described yet', async () => {
    const service = await suite.start()
    const progress = await service.progress('ghost', NOW)
    expect(progress.milestones['first-project']?.state).toBe('available')
    expect(progress.celebrations).toEqual([])
  })
})
