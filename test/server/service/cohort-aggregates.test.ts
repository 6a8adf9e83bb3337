import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoExperiment } from '../../../src/core'
import { computeInsights } from '../../../src/server/service'
import { createAssigner } from '../../../src/server/service/assignments'
import { createCohortCache, ROWS_PER_SLICE, type AssignmentsOf } from '../../../src/server/service/cohort-cache'
import { computeExperimentInsights } from '../../../src/server/service/experiment-insights'
import { loadCohort, type Storage } from '../../../src/server/storage'
import { availableBackends, freshProgram } from '../storage/backends'
import { probed, seedCohort } from './cohort-rows'

const NOW = new Date('2026-04-01T12:00:00.000Z')
const ROWS = ROWS_PER_SLICE * 2 + 17

describe.each(availableBackends())('insight aggregates kept by the cohort cache on $name', (backend) => {
  let storage: Storage
  beforeAll(async () => {
    storage = await backend.open()
  })
  afterAll(async () => {
    await storage.close()
    await backend.dispose()
  })

  const seed = (programId: string, count: number, achievedFrom = 0) => seedCohort(storage, programId, NOW, count, { achievedFrom })

  it('gives the event loop a turn while it counts a large cohort for the first time and after a version switch', async () => {
    const program = freshProgram()
    await seed(program.id, ROWS)
    const { storage: watched, probes } = probed(storage)
    const cache = createCohortCache(program.id, watched)

    // A setImmediate armed when each read's rows arrived runs before the counting is done: other requests are answered
    // meanwhile. Reads: the cohort, then its users with events in their retention window, right before the counting.
    const firstRan = cache.aggregates(program).then(() => probes.map((probe) => probe.ran))
    expect(await firstRan).toEqual([true, true])

    // Another version object: counted again from the cohort in memory (after a refresh, which re-reads the rows written
    // within the last minute and their window events).
    const next = { ...program, version: '2' }
    const switchRan = cache.aggregates(next).then(() => probes.map((probe) => probe.ran))
    expect(await switchRan).toEqual([true, true, true, true, true])
    expect((await cache.aggregates(next)).program).toBe(next)
  })

  it('answers what a scan of the stored rows answers, after rows change in storage', async () => {
    const program = freshProgram()
    await seed(program.id, 120)
    const cache = createCohortCache(program.id, storage)
    const scan = async () => computeInsights(program, await loadCohort(storage, program.id), NOW)
    expect((await cache.aggregates(program)).insights.read(NOW)).toEqual(await scan())

    await seed(program.id, 150, 60) // 30 newcomers; the first 60 lose their achievement
    expect((await cache.aggregates(program)).insights.read(NOW)).toEqual(await scan())
  })

  it('re-reads nothing once the last writes are long past, however large that last burst was', async () => {
    const program = freshProgram()
    await seed(program.id, 50)
    // Written ten minutes ago, by the database's clock.
    await storage.query(`UPDATE progress SET updated_at = now() - interval '10 minutes' WHERE program_id = $1`, [program.id])
    await storage.query(`UPDATE subjects SET updated_at = now() - interval '10 minutes' WHERE program_id = $1`, [program.id])
    const { storage: watched, probes } = probed(storage)
    const cache = createCohortCache(program.id, watched)
    expect((await cache.aggregates(program)).insights.read(NOW).subjects).toBe(50)
    await cache.aggregates(program)
    // The cohort, its users with events in their retention window (none), then only the clock.
    expect(probes.map((probe) => probe.rows)).toEqual([50, 0, 1])
  })

  it('answers the experiment as a scan of the stored rows and their recorded assignments does, after rows change', async () => {
    const program = { ...freshProgram(), experiment: { ...demoExperiment, holdoutPercent: 30, metric: { milestoneId: 'first-project', withinDays: 3 } } }
    await seed(program.id, 90)
    const assigner = createAssigner(program)
    const assignmentsOf: AssignmentsOf = (_, subjects) => assigner.forSubjects(storage, subjects)
    const cache = createCohortCache(program.id, storage, undefined, assignmentsOf)
    const scan = async () => {
      const rows = await loadCohort(storage, program.id)
      return computeExperimentInsights(program, rows, await assigner.forSubjects(storage, rows.map((row) => row.subject)), NOW)
    }
    const first = (await cache.experiment(program)).read(NOW)
    expect(first.treatment.n + first.holdout.n).toBeGreaterThan(0)
    expect(first).toEqual(await scan())

    await seed(program.id, 130, 40) // 40 newcomers; the first 40 lose their achievement
    expect((await cache.experiment(program)).read(NOW)).toEqual(await scan())
  })
})
