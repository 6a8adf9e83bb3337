import type { CairnEvent, MeProgress, Program } from '../../../src/core'
import { earliestScheduledChange, readSignalHistory } from '../../../src/server/storage'
import { availableBackends, freshProgram, storageSuite } from './backends'

const DAY_MS = 24 * 60 * 60 * 1000
const SIGNUP = new Date('2026-03-01T09:00:00.000Z')
const day = (n: number) => new Date(SIGNUP.getTime() + n * DAY_MS)

/** The demo program with a 14-day inactivity signal and a support-case suppression, under a fresh id. */
function signalProgram(): Program {
  return freshProgram({
    signals: [{ id: 'went-quiet', title: 'Went quiet', criterion: { kind: 'inactive', days: 14 } }],
    suppress: { traits: { supportCase: ['open'] }, between: [{ start: 'support_case_opened', end: 'support_case_closed' }] },
  })
}

let counter = 0
const event = (name: string, at: Date, userId = 'u1'): CairnEvent => ({ id: `e-${++counter}`, name, userId, timestamp: at.toISOString() })

/** A clock the test moves by hand. */
function manualClock(start: Date) {
  let current = start
  return { now: () => current, set: (to: Date) => void (current = to) }
}

describe.each(availableBackends())('signals, suppression and the scheduler on $name', (backend) => {
  const suite = storageSuite(backend)

  it('holds celebrations while a support case is open and delivers them when it closes', async () => {
    const clock = manualClock(day(2))
    const service = await suite.start(signalProgram(), { now: clock.now })
    await service.upsertSubject('u1', { signedUpAt: SIGNUP.toISOString() })
    await service.ingest([event('support_case_opened', day(1)), event('project_created', day(1.5))], { now: day(2) })

    const held = await service.progress('u1', day(2))
    expect(held.suppressed).toEqual({ reason: 'between:support_case_opened' })
    expect(held.milestones['first-project']?.state).toBe('achieved')
    expect(held.celebrations).toEqual([])

    const delivered = new Promise<MeProgress>((resolve) => {
      const stop = service.subscribe('u1', (progress) => {
        if (progress.suppressed || progress.celebrations.length === 0) return
        stop()
        resolve(progress)
      })
    })
    clock.set(day(3))
    await service.ingest([event('support_case_closed', day(3))], { now: day(3) })
    expect((await delivered).celebrations.map((c) => c.id)).toEqual(['milestone:first-project'])
  })

  it('suppresses by trait and drops upsell steps, then lifts it when the trait changes', async () => {
    const service = await suite.start(signalProgram(), { now: () => day(2) })
    await service.upsertSubject('u1', { signedUpAt: SIGNUP.toISOString(), traits: { supportCase: 'open' } })
    await service.ingest([event('project_created', day(1))], { now: day(2) })
    const quiet = await service.progress('u1', day(2))
    expect(quiet.suppressed).toEqual({ reason: 'trait:supportCase' })
    expect(quiet.celebrations).toEqual([])
    expect(quiet.nextSteps.map((s) => s.milestoneId)).not.toContain('invite-teammate')

    await service.upsertSubject('u1', { signedUpAt: SIGNUP.toISOString(), traits: { supportCase: 'closed' } })
    const open = await service.progress('u1', day(2))
    expect(open.suppressed).toBeUndefined()
    expect(open.celebrations.map((c) => c.id)).toEqual(['milestone:first-project'])
    expect(open.nextSteps.map((s) => s.milestoneId)).toContain('invite-teammate')
  })

  it('stores when each subject next changes without an event', async () => {
    // Without the demo's deadlines, the inactivity signal is the only time-based change.
    const program = { ...signalProgram(), milestones: [{ id: 'm', title: 'M', category: 'onboarding' as const, criterion: { kind: 'count' as const, event: 'task_added', atLeast: 3 } }], levels: [] }
    const service = await suite.start(program, { now: () => day(1) })
    await service.upsertSubject('u1', { signedUpAt: SIGNUP.toISOString() })
    await service.ingest([event('logged_in', day(1))], { now: day(1) })
    expect(await earliestScheduledChange(suite.storage, service.program.id)).toEqual(day(15))
  })

  it('raises the inactivity signal on time without a request, records it, and records the clear', async () => {
    const clock = manualClock(day(1))
    const service = await suite.start(signalProgram(), { now: clock.now, scheduler: { maxSleepMs: 20 } })
    await service.upsertSubject('u1', { signedUpAt: SIGNUP.toISOString() })
    await service.ingest([event('logged_in', day(1))], { now: day(1) })

    const raised = new Promise<MeProgress>((resolve) => {
      const stop = service.subscribe('u1', (progress) => {
        if (progress.signals?.[0]?.state !== 'active') return
        stop()
        resolve(progress)
      })
    })
    clock.set(day(16))
    expect((await raised).signals).toEqual([{ id: 'went-quiet', state: 'active', since: day(15).toISOString() }])

    await service.ingest([event('logged_in', day(16))], { now: day(16) })
    const history = await readSignalHistory(suite.storage, service.program.id, { userId: 'u1' })
    expect(history.map(({ signalId, state, at }) => ({ signalId, state, at }))).toEqual([
      { signalId: 'went-quiet', state: 'raised', at: day(15).toISOString() },
      { signalId: 'went-quiet', state: 'cleared', at: day(16).toISOString() },
    ])
  })

  it('remembers a return for a day, dates the clear at the returning event, and lets it lapse without a request', async () => {
    const clock = manualClock(day(1))
    const service = await suite.start(signalProgram(), { now: clock.now, scheduler: { maxSleepMs: 20 } })
    await service.upsertSubject('u1', { signedUpAt: SIGNUP.toISOString() })
    await service.ingest([event('logged_in', day(1))], { now: day(1) })
    const raised = new Promise<void>((resolve) => {
      const stop = service.subscribe('u1', (progress) => {
        if (progress.signals?.[0]?.state !== 'active') return
        stop()
        resolve()
      })
    })
    clock.set(day(20))
    await raised
    // The log-in reaches the server an hour after it happened.
    const back = new Date(day(20).getTime() - 60 * 60 * 1000)
    await service.ingest([event('logged_in', back)], { now: day(20) })
    expect((await service.progress('u1', day(20))).signals).toEqual([{ id: 'went-quiet', state: 'clear', clearedAt: back.toISOString() }])
    const history = await readSignalHistory(suite.storage, service.program.id, { userId: 'u1' })
    expect(history.map(({ state, at }) => ({ state, at }))).toEqual([
      { state: 'raised', at: day(15).toISOString() },
      { state: 'cleared', at: back.toISOString() },
    ])

    const lapsed = new Promise<MeProgress>((resolve) => {
      const stop = service.subscribe('u1', (progress) => {
        if (progress.signals?.[0]?.clearedAt !== undefined) return
        stop()
        resolve(progress)
      })
    })
    clock.set(new Date(back.getTime() + DAY_MS))
    expect((await lapsed).signals).toEqual([{ id: 'went-quiet', state: 'clear' }])
  })

  it('lets several schedulers share the work: each due subject is recomputed once', async () => {
    const program = signalProgram()
    const seeding = await suite.start(program, { now: () => day(1) })
    const users = Array.from({ length: 12 }, (_, i) => `u${i}`)
    for (const userId of users) await seeding.upsertSubject(userId, { signedUpAt: SIGNUP.toISOString() })
    await seeding.close()

    const clock = manualClock(day(20))
    const first = await suite.start(program, { now: clock.now, scheduler: { maxSleepMs: 20, batchSize: 5 } })
    const second = await suite.start(program, { now: clock.now, scheduler: { maxSleepMs: 20, batchSize: 5 } })
    await vi.waitFor(async () => expect((await readSignalHistory(suite.storage, program.id)).length).toBe(users.length), { timeout: 10_000 })
    const history = await readSignalHistory(suite.storage, program.id)
    expect(new Set(history.map((row) => row.userId))).toEqual(new Set(users))
    expect(history.every((row) => row.state === 'raised' && row.at === day(14).toISOString())).toBe(true)
    await Promise.all([first.close(), second.close()])
  })
})
