// The success metrics' retention, kept from per-user window events instead of queried per request, answers what the
// retention query and a scan of the stored rows answer — after events that change no snapshot, signup moves and time.
import { computeSuccessMetrics, RETENTION_WINDOW_DAYS, type Program } from '../../../src/core'
import type { CairnService } from '../../../src/server/service-types'
import { loadCohort, retainedUnits } from '../../../src/server/storage'
import { availableBackends, freshProgram, storageSuite } from '../storage/backends'

const DAY_MS = 24 * 60 * 60 * 1000
const NOW = new Date('2026-06-01T12:00:00.000Z')
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString()
const dayAfter = (signedUpAt: string, day: number) => new Date(Date.parse(signedUpAt) + day * DAY_MS).toISOString()

describe.each(availableBackends())('success-metric retention kept by the cohort cache on $name', (backend) => {
  const suite = storageSuite(backend)
  let service: CairnService
  let program: Program
  let sent = 0

  const join = async (userId: string, signedUpAt: string, accountId?: string) =>
    service.upsertSubject(userId, { signedUpAt, ...(accountId !== undefined && { accountId }) })
  const send = async (userId: string, signedUpAt: string, days: number[], name = 'task_added') => {
    const events = days.map((day) => ({ id: `e${sent++}`, name, userId, timestamp: dayAfter(signedUpAt, day) }))
    await service.ingest(events, { now: NOW })
  }
  /** What the service answered per request before: the retention query's units, and a scan of the stored rows. */
  const scanned = async (now: Date) =>
    computeSuccessMetrics(program, await loadCohort(suite.storage, program.id), await retainedUnits(suite.storage, program.id, now, RETENTION_WINDOW_DAYS), now)
  const retained = async (now: Date) => {
    const { retention } = (await service.insights(now)).success!
    return retention.withEarlyMilestones.retained + retention.withoutEarlyMilestones.retained
  }

  it('answers what the retention query answers, as events, signups and the clock move', async () => {
    program = freshProgram()
    service = await suite.start(program, { now: () => NOW })
    const old = daysAgo(70)
    const young = daysAgo(40)
    const late = daysAgo(80)
    await join('old-in', old, 'acct-a')
    await join('old-out', old)
    await join('young-in', young, 'acct-b')
    await join('late', late)
    await send('old-in', old, [1, 30]) // in its window, old enough: acct-a is retained
    await send('old-out', old, [1, 60]) // after its window
    await send('young-in', young, [30]) // in its window, but not 56 days old yet
    await send('late', late, [2, 79])
    expect((await service.insights(NOW)).success).toEqual(await scanned(NOW))
    expect(await retained(NOW)).toBe(1)

    // Written ten minutes ago, by the database's clock: a refresh re-reads rows only once they move again.
    for (const table of ['progress', 'subjects']) {
      await suite.storage.query(`UPDATE ${table} SET updated_at = now() - interval '10 minutes' WHERE program_id = $1`, [program.id])
    }
    expect((await service.insights(NOW)).success).toEqual(await scanned(NOW))

    // An event in the window that changes no snapshot (no milestone reads its name): only the version moves.
    const before = (await loadCohort(suite.storage, program.id)).find((row) => row.subject.userId === 'late')
    await send('late', late, [35], 'page_viewed')
    expect((await loadCohort(suite.storage, program.id)).find((row) => row.subject.userId === 'late')).toEqual(before)
    expect((await service.insights(NOW)).success).toEqual(await scanned(NOW))
    expect(await retained(NOW)).toBe(2)

    // An earlier signup makes young-in old enough, with its event still inside its window (day 50).
    await join('young-in', daysAgo(60), 'acct-b')
    expect((await service.insights(NOW)).success).toEqual(await scanned(NOW))
    expect(await retained(NOW)).toBe(3)

    const later = new Date(NOW.getTime() + 20 * DAY_MS)
    expect((await service.insights(later)).success).toEqual(await scanned(later))
  })
})
