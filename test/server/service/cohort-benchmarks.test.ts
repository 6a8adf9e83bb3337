// Benchmarks prepared in slices: the event loop turns while a cohort is indexed, and requests are answered from the
// previous preparation while a newer one runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { computeBenchmarks, createBadgeRarityIndex, MIN_STAGE_FOR_PERCENTILE_MS, type CohortMember, type Program, type Progress } from '../../../src/core'
import { createCohortCache, ROWS_PER_SLICE } from '../../../src/server/service/cohort-cache'
import { yieldToLoop } from '../../../src/server/service/time-slice'
import { loadCohort, openStorage, type Storage } from '../../../src/server/storage'
import { freshProgram } from '../storage/backends'
import { probed, seedCohort } from './cohort-rows'

const NOW = new Date('2026-04-01T12:00:00.000Z')
const ROWS = ROWS_PER_SLICE * 5 + 17
const TTL_MS = 1_000

/** Someone outside the cohort, 30 days in, who achieved nothing: compared with every team-plan member. */
const asker: CohortMember = {
  subject: { userId: 'asker', accountId: 'asker-account', signedUpAt: new Date(NOW.getTime() - 30 * MIN_STAGE_FOR_PERCENTILE_MS).toISOString(), traits: { plan: 'team' } },
  progress: { programId: 'p', programVersion: '1', evaluatedAt: NOW.toISOString(), milestones: {}, levels: [], badges: [], unlockedFeatures: [], nextSteps: [] } satisfies Progress,
}

describe('benchmarks prepared by the cohort cache', () => {
  let storage: Storage
  beforeAll(async () => {
    storage = await openStorage({ memory: true })
  })
  afterAll(() => storage.close())

  /** One account per user, so the cohort benchmarks compare is every stored row. */
  const seed = (program: Program, achievedFrom = 0) => seedCohort(storage, program.id, NOW, ROWS, { achievedFrom, accounts: ROWS })
  /** What the cache answers, by scanning: the benchmarks, with badge rarity from the same cohort. */
  const scan = (program: Program, cohort: readonly CohortMember[], now: Date) => {
    const benchmarks = computeBenchmarks({ program, cohort, now, ...asker })
    const badges = benchmarks && createBadgeRarityIndex(program, cohort).shares(asker.subject, now)
    return badges ? { ...benchmarks, badges } : benchmarks
  }
  const ask = (cache: ReturnType<typeof createCohortCache>, program: Program, now: Date) => cache.benchmarks(program, asker.subject, asker.progress, now)

  it('gives the event loop turns while it prepares the first benchmarks, then answers what a scan answers', async () => {
    const program = freshProgram()
    await seed(program)
    // Written ten minutes ago: once the cohort is read, a refresh reads only the database's clock.
    await storage.query(`UPDATE progress SET updated_at = now() - interval '10 minutes' WHERE program_id = $1`, [program.id])
    await storage.query(`UPDATE subjects SET updated_at = now() - interval '10 minutes' WHERE program_id = $1`, [program.id])
    const { storage: watched, probes } = probed(storage)
    const cache = createCohortCache(program.id, watched, TTL_MS)
    await cache.aggregates(program)

    // A setImmediate armed when the clock came back has run by the time the answer arrives: the preparation yielded.
    const benchmarks = await ask(cache, program, NOW)
    // Reads: the cohort, its users with events in their retention window (none), the clock.
    expect(probes.map((probe) => probe.rows)).toEqual([ROWS, 0, 1])
    expect(probes[2]!.ran).toBe(true)
    expect(benchmarks).toEqual(scan(program, await loadCohort(storage, program.id), NOW))
  })

  it('answers from the previous benchmarks while newer ones are prepared, then from the newer ones', async () => {
    const program = freshProgram()
    await seed(program, ROWS) // nobody achieved anything yet
    const cache = createCohortCache(program.id, storage, TTL_MS)
    expect(await ask(cache, program, NOW)).toEqual(scan(program, await loadCohort(storage, program.id), NOW))

    const previous = await loadCohort(storage, program.id)
    await seed(program) // two thirds achieved their first project since
    const current = await loadCohort(storage, program.id)
    const later = new Date(NOW.getTime() + TTL_MS)
    expect(scan(program, current, later)).not.toEqual(scan(program, previous, later))

    // The cohort changed and the benchmarks are a TTL old: newer ones are being prepared, the previous ones answer.
    expect(await ask(cache, program, later)).toEqual(scan(program, previous, later))
    // After a turn of the event loop the preparation is still running (it pauses every thousand members), and another
    // request is answered meanwhile, from the previous benchmarks.
    await yieldToLoop()
    expect(await ask(cache, program, later)).toEqual(scan(program, previous, later))
    // Each turn lets the preparation run a slice further; once it is done, the newer benchmarks answer.
    const newer = JSON.stringify(scan(program, current, later))
    while (JSON.stringify(await ask(cache, program, later)) !== newer) await yieldToLoop()
    expect(await ask(cache, program, later)).toEqual(scan(program, current, later))
  })
})
