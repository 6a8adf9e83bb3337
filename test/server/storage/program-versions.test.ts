import type { Celebration, MeProgress, Program } from '../../../src/core'
import type { CairnService } from '../../../src/server/service-types'
import { availableBackends, freshProgram, storageSuite } from './backends'
import { eventsFor } from './events'

const NOW = new Date('2026-03-10T12:00:00.000Z')
const LATER = new Date('2026-03-10T13:00:00.000Z')
const SIGNED_UP = '2026-03-01T09:00:00.000Z'

/** Another version of `base`: some thresholds changed, some milestones removed (from their levels too). */
function version(base: Program, v: string, change: { thresholds?: Record<string, number>; remove?: string[] } = {}): Program {
  const remove = change.remove ?? []
  return {
    ...base,
    version: v,
    milestones: base.milestones
      .filter((m) => !remove.includes(m.id))
      .map((m) => {
        const atLeast = change.thresholds?.[m.id]
        return atLeast !== undefined && 'atLeast' in m.criterion ? { ...m, criterion: { ...m.criterion, atLeast } } : m
      }),
    levels: base.levels.map((l) => ({ ...l, milestones: l.milestones.filter((id) => !remove.includes(id)) })),
  }
}

describe.each(availableBackends())('program versions on $name', (backend) => {
  const suite = storageSuite(backend)

  const celebrationRows = async (programId: string) =>
    suite.storage.query<{ user_id: string; id: string; payload: Celebration }>(
      'SELECT user_id, id, payload FROM celebrations WHERE program_id = $1 ORDER BY user_id, id',
      [programId],
    )
  const achieved = (progress: MeProgress) =>
    Object.fromEntries(Object.entries(progress.milestones).flatMap(([id, m]) => (m.state === 'achieved' ? [[id, m.achievedAt]] : [])))

  /** Three users at different stages: a whole first level, most of it, and a little. */
  async function cohort(service: CairnService) {
    for (const userId of ['ada', 'bo', 'cy']) await service.upsertSubject(userId, { signedUpAt: SIGNED_UP })
    await service.ingest(
      [
        ...eventsFor('ada', 'project_created', 1, { end: NOW }), ...eventsFor('ada', 'task_added', 5, { end: NOW }),
        ...eventsFor('ada', 'teammate_invited', 1, { end: NOW }), ...eventsFor('ada', 'task_completed', 3, { end: NOW }),
        ...eventsFor('bo', 'project_created', 1, { end: NOW }), ...eventsFor('bo', 'task_added', 5, { end: NOW }),
        ...eventsFor('cy', 'task_added', 3, { end: NOW }),
      ],
      { now: NOW },
    )
  }

  it('publishes, re-evaluates and rolls back without losing an achievement or celebrating anything twice', async () => {
    const v1 = freshProgram()
    const service = await suite.start(v1)
    await cohort(service)
    const before = Object.fromEntries(await Promise.all(['ada', 'bo', 'cy'].map(async (u) => [u, await service.progress(u, NOW)] as const)))
    const rowsBefore = await celebrationRows(v1.id)

    // v2: five tasks now need 8 (everyone who had them keeps them), 3 completed tasks are enough for "ten-tasks-done"
    // (ada gets it, calmly), and inviting a teammate leaves the program (bo's first level is now complete: calmly too).
    const v2 = version(v1, '2', { thresholds: { 'five-tasks': 8, 'ten-tasks-done': 3 }, remove: ['invite-teammate'] })
    expect(await service.publishProgram(v2, v2, 'ci', LATER)).toEqual({ status: 'created', version: '2' })
    expect(service.program.version).toBe('2')

    for (const userId of ['ada', 'bo', 'cy']) {
      const now = await service.progress(userId, LATER)
      expect(now.programVersion).toBe('2')
      const { 'invite-teammate': _removed, ...kept } = achieved(before[userId]!)
      expect(achieved(now)).toMatchObject(kept)
      expect(now.milestones['invite-teammate']).toBeUndefined()
      expect(now.badges).toEqual(expect.arrayContaining(before[userId]!.badges))
    }
    expect((await service.progress('bo', LATER)).milestones['five-tasks']).toMatchObject({ state: 'achieved', target: 8 })
    const rowsAfterPublish = await celebrationRows(v1.id)
    const added = rowsAfterPublish.filter((row) => !rowsBefore.some((old) => old.user_id === row.user_id && old.id === row.id))
    expect(added.map((row) => [row.user_id, row.id, row.payload.style])).toEqual([
      ['ada', 'milestone:ten-tasks-done', 'toast'],
      ['bo', 'badge:organized', 'toast'],
      ['bo', 'level:getting-started', 'toast'],
    ])

    // Roll back: everything achieved under either version stays, nothing is celebrated again.
    expect(await service.activateProgram('1', 'ci', LATER)).toBe(true)
    const ada = await service.progress('ada', LATER)
    expect(ada.programVersion).toBe('1')
    expect(achieved(ada)).toMatchObject({ ...achieved(before.ada!), 'ten-tasks-done': expect.any(String) })
    expect(ada.milestones['ten-tasks-done']).toMatchObject({ state: 'achieved', current: 3, target: 10 })
    expect(ada.levels[0]?.state).toBe('complete')
    expect(await celebrationRows(v1.id)).toEqual(rowsAfterPublish)

    // Forward again, and an event after all that: still nothing twice.
    expect(await service.activateProgram('2', 'ci', LATER)).toBe(true)
    await service.ingest(eventsFor('cy', 'task_added', 1, { end: LATER, idPrefix: 'late' }), { now: LATER })
    const finalRows = await celebrationRows(v1.id)
    expect(new Set(finalRows.map((r) => `${r.user_id}/${r.id}`)).size).toBe(finalRows.length)
    expect(finalRows.length).toBe(rowsAfterPublish.length)
    expect((await service.programVersions()).versions.map((v) => [v.version, v.publishedBy, v.active])).toEqual([
      ['2', 'ci', true],
      ['1', 'start-up', false],
    ])
  })

  it('lets another process on the same database write under the version activated elsewhere', async () => {
    const v1 = freshProgram()
    const [first, second] = [await suite.start(v1), await suite.start(v1)]
    await cohort(first)
    const v2 = version(v1, '2', { thresholds: { 'five-tasks': 8 } })
    await first.publishProgram(v2, v2, 'ci', LATER)
    await second.ingest(eventsFor('bo', 'task_completed', 1, { end: LATER, idPrefix: 'second' }), { now: LATER })
    expect(second.program.version).toBe('2')
    const [row] = await suite.storage.query<{ snapshot: MeProgress }>('SELECT snapshot FROM progress WHERE program_id = $1 AND user_id = $2', [v1.id, 'bo'])
    expect(row?.snapshot.programVersion).toBe('2')
    expect(row?.snapshot.milestones['five-tasks']?.state).toBe('achieved')
    expect((await second.currentProgram()).version).toBe('2')
  })

  it('publishes a start-up program with a new version, and otherwise keeps the version the database has active', async () => {
    const v1 = freshProgram()
    const first = await suite.start(v1)
    await cohort(first)
    await first.close()
    const v2 = version(v1, '2', { thresholds: { 'task_added': 2 } })
    const second = await suite.start(v2, { publishedBy: 'CAIRN_PROGRAM file' })
    expect(second.program.version).toBe('2')
    expect((await second.progress('ada', NOW)).programVersion).toBe('2')
    const history = await second.programVersions()
    expect(history.versions[0]).toMatchObject({ version: '2', publishedBy: 'CAIRN_PROGRAM file', active: true })
    await second.activateProgram('1', 'ci', NOW)
    await second.close()

    // Restarting with the v2 file again must not undo the rollback made through the API.
    const third = await suite.start(v2)
    expect(third.program.version).toBe('1')
    expect((await third.programVersions()).versions).toHaveLength(2)
  })

  it('previews per milestone how many subjects would change state, writing nothing', async () => {
    const v1 = freshProgram()
    const service = await suite.start(v1)
    await cohort(service)
    const snapshotsBefore = await suite.storage.query('SELECT user_id, snapshot FROM progress WHERE program_id = $1 ORDER BY user_id', [v1.id])
    const candidate = version(v1, '2', { thresholds: { 'five-tasks': 3 }, remove: ['invite-teammate'] })
    const preview = await service.previewProgram(candidate, NOW)
    expect(preview).toMatchObject({ version: '2', activeVersion: '1', subjects: 3 })
    expect(preview.summary.milestones).toEqual({ added: [], removed: ['invite-teammate'], changed: ['five-tasks'] })
    expect(preview.milestones['five-tasks']).toEqual({ before: { achieved: 2, in_progress: 1 }, after: { achieved: 3 }, changed: 1, newlyAchieved: 1 })
    expect(preview.milestones['invite-teammate']).toEqual({ before: { achieved: 1, available: 2 }, after: {}, changed: 3, newlyAchieved: 0 })
    expect(await suite.storage.query('SELECT user_id, snapshot FROM progress WHERE program_id = $1 ORDER BY user_id', [v1.id])).toEqual(snapshotsBefore)
    expect((await service.programVersions()).versions).toHaveLength(1)
  })
})
