// When a `/v1/me/progress` answer is kept and when it is read again (the storage tests check that what is kept is never
// stale against real reads; here, that it is kept at all, and each condition that ends it).
import { evaluate, type MeProgress, type Program, type Subject } from '../../../src/core'
import { freshProgram } from '../storage/backends'
import { createProgressAnswers, stableUntil } from '../../../src/server/service/progress-answers'
import type { MeProgressParts } from '../../../src/server/service/me-progress'
import type { TokenSubject } from '../../../src/server/service-types'

const DAY_MS = 24 * 60 * 60 * 1000
const NOW = new Date('2026-03-10T12:00:00.000Z')
const SUBJECT: Subject = { userId: 'ana', signedUpAt: '2026-03-08T00:00:00.000Z' }
const CLAIMS: TokenSubject = Object.freeze({ userId: 'ana', signedUpAt: SUBJECT.signedUpAt })

function harness(options: { stored?: Subject | undefined; nextChangeAt?: string; writeCount?: boolean } = {}) {
  let program: Program = freshProgram()
  let writes = 0
  let reads = 0
  const matching = new Set<TokenSubject>([CLAIMS])
  const stored = 'stored' in options ? options.stored : SUBJECT
  const answers = createProgressAnswers({
    reader: {
      async partsForToken(_claims, now): Promise<MeProgressParts> {
        reads++
        const progress = evaluate(program, [], { now, subject: SUBJECT })
        return { stored, program, answer: { ...progress, celebrations: [] }, nextChangeAt: options.nextChangeAt, benchmarks: async (at) => ({ cohortSize: 3, typicalAchievedAtStage: 0, stageDays: at.getTime(), milestones: {} }) }
      },
      claimsMatch: (_stored, claims) => matching.has(claims),
    },
    inLocale: (answer, locale) => (locale === 'de' ? { ...answer, nextSteps: [] } : answer),
    current: () => program,
    writeCount: options.writeCount === false ? undefined : () => writes,
  })
  const text = async (now: Date, claims = CLAIMS, locale?: string) => JSON.parse(await answers(claims, now, locale)) as MeProgress
  return {
    text,
    get reads() {
      return reads
    },
    write: () => (writes += 2),
    switchProgram: () => (program = freshProgram()),
    match: (claims: TokenSubject) => matching.add(claims),
  }
}

describe('progress answers kept as text', () => {
  it('answers again from memory with the new moment and benchmarks, until a write', async () => {
    const h = harness({ nextChangeAt: new Date(NOW.getTime() + DAY_MS).toISOString() })
    await h.text(NOW)
    const later = new Date(NOW.getTime() + 60_000)
    const again = await h.text(later)
    expect(h.reads).toBe(1)
    expect(again.evaluatedAt).toBe(later.toISOString())
    expect(again.benchmarks?.stageDays).toBe(later.getTime())
    h.write()
    await h.text(later)
    expect(h.reads).toBe(2)
  })

  it('reads again at the next change, before the moment it was kept from, or in another language', async () => {
    const next = new Date(NOW.getTime() + 5_000)
    const h = harness({ nextChangeAt: next.toISOString() })
    await h.text(NOW)
    await h.text(new Date(next.getTime() - 1))
    expect(h.reads).toBe(1)
    await h.text(next)
    expect(h.reads).toBe(2)
    await h.text(new Date(next.getTime() - 1))
    expect(h.reads).toBe(3)
    const earlier = new Date(next.getTime() - 2)
    await h.text(earlier, CLAIMS, 'de')
    await h.text(earlier, CLAIMS, 'de')
    expect(h.reads).toBe(4)
  })

  it('reads again for claims that do not match the stored subject, and after another version became active', async () => {
    const h = harness()
    await h.text(NOW)
    const other: TokenSubject = Object.freeze({ ...CLAIMS, traits: { plan: 'pro' } })
    await h.text(NOW, other)
    expect(h.reads).toBe(2)
    // Another token object with claims that do match (a new token of the same user) is answered from memory.
    h.match(other)
    await h.text(NOW, other)
    expect(h.reads).toBe(2)
    h.switchProgram()
    await h.text(NOW)
    expect(h.reads).toBe(3)
  })

  it('keeps nothing for a newcomer (who signs up at the moment of reading) or without a write count', async () => {
    for (const h of [harness({ stored: undefined }), harness({ writeCount: false })]) {
      await h.text(NOW)
      await h.text(NOW)
      expect(h.reads).toBe(2)
    }
  })
})

describe('how long an answer holds', () => {
  const due = Date.parse('2026-03-20T00:00:00.000Z')
  const answer = (dueAt: number | undefined) => {
    const progress = evaluate(freshProgram(), [], { now: NOW, subject: SUBJECT })
    const milestoneId = progress.nextSteps[0]!.milestoneId
    const milestones = { ...progress.milestones, [milestoneId]: { ...progress.milestones[milestoneId]!, ...(dueAt !== undefined && { dueAt: new Date(dueAt).toISOString() }) } }
    return { ...progress, milestones, celebrations: [] }
  }

  it('holds until a next step\'s deadline counts down a whole day, or the evaluation\'s next change if sooner', () => {
    expect(stableUntil(answer(due), undefined, due - 3.5 * DAY_MS)).toBe(due - 3 * DAY_MS)
    expect(stableUntil(answer(due), undefined, due - 3 * DAY_MS)).toBe(due - 2 * DAY_MS)
    expect(stableUntil(answer(due), new Date(due - 3.2 * DAY_MS).toISOString(), due - 3.5 * DAY_MS)).toBe(due - 3.2 * DAY_MS)
  })

  it('holds for good without deadlines or next change, and leaves the last day to the evaluation (missed after the deadline)', () => {
    expect(stableUntil(answer(undefined), undefined, NOW.getTime())).toBe(Infinity)
    expect(stableUntil(answer(due), undefined, due - 0.5 * DAY_MS)).toBe(Infinity)
  })
})
