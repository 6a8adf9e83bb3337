import { demoProgram, parseProgram, type Program } from '../src/core'
import { seedDemo } from '../src/server/seed'
import { createService } from '../src/server/service'
import { indexEvents, previewOf } from '../src/server/service/program-preview'
import { eventsForSubjects, loadPopulation, openStorage } from '../src/server/storage'
import { time, type BenchResult } from './harness'

/** A realistic edit: one threshold lowered, one raised, one milestone removed. */
function candidateProgram(): Program {
  const edited = {
    ...demoProgram,
    version: 'preview',
    milestones: demoProgram.milestones
      .filter((m) => m.id !== 'invite-teammate')
      .map((m) => (m.id === 'five-tasks' ? { ...m, criterion: { kind: 'count' as const, event: 'task_added', atLeast: 3 } } : m.id === 'ten-tasks-done' ? { ...m, criterion: { kind: 'count' as const, event: 'task_completed', atLeast: 15 } } : m)),
    levels: demoProgram.levels.map((l) => ({ ...l, milestones: l.milestones.filter((id) => id !== 'invite-teammate') })),
  }
  const parsed = parseProgram(edited)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.program
}

/**
 * `POST /v1/program/preview` on the seeded demo cohort (embedded PGlite): the service's preview (two queries, then
 * every subject evaluated under the candidate in memory) against the same computation loading each subject's events
 * with a query of its own — the shape of the keeper's cold path, and what a first implementation would do.
 */
export async function programPreview(): Promise<BenchResult> {
  const storage = await openStorage({ memory: true })
  const service = await createService({ program: demoProgram, storage })
  const now = new Date()
  try {
    const seeded = await seedDemo({ service, storage }, { now })
    const candidate = candidateProgram()
    const perSubject = async () => {
      const { members } = await loadPopulation(storage, demoProgram.id)
      for (const member of members) {
        const { userId, accountId } = member.subject
        const events = await eventsForSubjects(storage, demoProgram.id, [userId], accountId === undefined ? [] : [accountId])
        previewOf(service.program, candidate, [member], indexEvents(events, [service.program, candidate]), now)
      }
    }
    const baseline = await time(perSubject, 3, 1)
    const candidateMs = await time(() => service.previewProgram(candidate, now), 5, 1)
    return {
      name: `server: preview a program edit on the demo cohort (${seeded.users} users, ${seeded.events} events, PGlite)`,
      baseline: { label: 'one events query per subject', ms: baseline },
      candidate: { label: 'service.previewProgram (two queries, evaluated in memory)', ms: candidateMs },
      note: 'both compare each stored snapshot with the candidate evaluation, achievements carried',
    }
  } finally {
    await service.close()
  }
}

export const programPreviewBenchmarks = [programPreview]
