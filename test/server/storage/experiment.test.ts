import { estimateLift, experimentArm, assignmentBucket, variantSetId, type Experiment, type Program } from '../../../src/core'
import { availableBackends, freshProgram, storageSuite } from './backends'

const DAY_MS = 24 * 60 * 60 * 1000
const NOW = new Date('2026-03-31T12:00:00.000Z')
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString()
const daysAfter = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString()

/** One milestone with two threshold variants ("2 tasks" vs "3 tasks"), one level; metric: that level within 7 days. */
function experimentProgram(experiment: Partial<Experiment> = {}, weights: [number, number] = [1, 1]): Program {
  const base = freshProgram()
  return {
    ...base,
    milestones: [
      { id: 'project', title: 'Create a project', category: 'onboarding', criterion: { kind: 'count', event: 'project_created', atLeast: 1 } },
      {
        id: 'tasks',
        title: 'Add tasks',
        category: 'onboarding',
        criterion: { kind: 'count', event: 'task_added', atLeast: 3 },
        variants: [
          { id: 'two', weight: weights[0], criterion: { kind: 'count', event: 'task_added', atLeast: 2 } },
          { id: 'three', weight: weights[1], criterion: { kind: 'count', event: 'task_added', atLeast: 3 } },
        ],
      },
    ],
    levels: [{ id: 'start', title: 'Get started', milestones: ['project', 'tasks'] }],
    badges: [],
    experiment: { id: `exp-${base.id}`, holdoutPercent: 20, metric: { levelId: 'start', withinDays: 7 }, ...experiment },
  }
}

/** Account ids whose experiment arm (and, optionally, variant bucket half) is the one asked for. */
function accounts(experiment: Experiment, want: 'holdout' | 'treatment', count: number, variant?: 'two' | 'three'): string[] {
  const found: string[] = []
  for (let i = 0; found.length < count; i++) {
    const id = `acct-${want}-${variant ?? 'any'}-${i}`
    if (experimentArm(experiment, id) !== want) continue
    if (variant && (assignmentBucket(variantSetId('tasks'), id) < 50 ? 'two' : 'three') !== variant) continue
    found.push(id)
  }
  return found
}

describe.each(availableBackends())('experiments on $name', (backend) => {
  // Services run on the test's clock: subject updates are evaluated at NOW, like the events.
  const suite = storageSuite(backend, { now: () => NOW })

  const join = async (service: Awaited<ReturnType<typeof suite.start>>, accountId: string, signedUpAt: string, tasks: number, atDay = 1) => {
    const userId = `${accountId}-u1`
    await service.upsertSubject(userId, { signedUpAt, accountId })
    const events = [
      { id: `${userId}-p`, name: 'project_created', userId, accountId, timestamp: daysAfter(signedUpAt, atDay) },
      ...Array.from({ length: tasks }, (_, i) => ({ id: `${userId}-t${i}`, name: 'task_added', userId, accountId, timestamp: daysAfter(signedUpAt, atDay + i * 0.01) })),
    ].filter((e) => Date.parse(e.timestamp) <= NOW.getTime())
    await service.ingest(events, { now: NOW })
    return userId
  }

  it('evaluates holdout subjects but shows them nothing: holdout flag, no celebrations, none stored for later', async () => {
    const program = experimentProgram()
    const service = await suite.start(program)
    const [held] = accounts(program.experiment!, 'holdout', 1)
    const [shown] = accounts(program.experiment!, 'treatment', 1)
    const heldUser = await join(service, held!, daysBefore(10), 3)
    const shownUser = await join(service, shown!, daysBefore(10), 3)

    const heldProgress = await service.progress(heldUser, NOW)
    expect(heldProgress.holdout).toBe(true)
    expect(heldProgress.celebrations).toEqual([])
    expect(heldProgress.milestones.project?.state).toBe('achieved')
    const stored = await suite.storage.query('SELECT id FROM celebrations WHERE program_id = $1 AND user_id = $2', [program.id, heldUser])
    expect(stored).toEqual([])

    const shownProgress = await service.progress(shownUser, NOW)
    expect(shownProgress.holdout).toBeUndefined()
    expect(shownProgress.celebrations.length).toBeGreaterThan(0)
  })

  it("evaluates each subject with its variant's threshold", async () => {
    const program = experimentProgram({ holdoutPercent: 0 })
    const service = await suite.start(program)
    const [two] = accounts(program.experiment!, 'treatment', 1, 'two')
    const [three] = accounts(program.experiment!, 'treatment', 1, 'three')
    const twoUser = await join(service, two!, daysBefore(3), 2)
    const threeUser = await join(service, three!, daysBefore(3), 2)
    expect((await service.progress(twoUser, NOW)).milestones.tasks).toMatchObject({ state: 'achieved', target: 2 })
    expect((await service.progress(threeUser, NOW)).milestones.tasks).toMatchObject({ state: 'in_progress', target: 3, current: 2 })
  })

  it('never reassigns anyone already assigned when holdoutPercent or variant weights change', async () => {
    const first = experimentProgram({ holdoutPercent: 10 }, [1, 1])
    const before = await suite.start(first)
    // Units that a 50% holdout and a 1:99 weighting would move, had they not been recorded: treatment now but
    // below 50 in the experiment's buckets, and on the "two" variant but above 1 in the variant set's buckets.
    const movers: string[] = []
    for (let i = 0; movers.length < 4; i++) {
      const id = `acct-mover-${i}`
      const bucket = assignmentBucket(first.experiment!.id, id)
      const variantBucket = assignmentBucket(variantSetId('tasks'), id)
      if (bucket >= 10 && bucket < 50 && variantBucket >= 1 && variantBucket < 50) movers.push(id)
    }
    const users: string[] = []
    for (const id of movers) users.push(await join(before, id, daysBefore(10), 1))
    const arms = await Promise.all(users.map(async (u) => (await before.progress(u, NOW)).holdout === true))
    const targets = await Promise.all(users.map(async (u) => (await before.progress(u, NOW)).milestones.tasks?.target))
    await before.close()

    const changed: Program = { ...first, experiment: { ...first.experiment!, holdoutPercent: 50 }, milestones: first.milestones.map((m) => (m.variants ? { ...m, variants: m.variants.map((v, i) => ({ ...v, weight: i === 0 ? 1 : 99 })) } : m)) }
    const after = await suite.start(changed)
    for (const [i, user] of users.entries()) {
      const progress = await after.progress(user, NOW)
      expect(progress.holdout === true).toBe(arms[i])
      expect(progress.milestones.tasks?.target).toBe(targets[i])
    }
    expect(arms.every((held) => !held)).toBe(true)
    expect(targets).toEqual([2, 2, 2, 2]) // all on the "two" variant, which a 1:99 weighting would have moved
    // A unit seen for the first time follows the new settings.
    const [newcomer] = accounts(changed.experiment!, 'holdout', 1).filter((id) => !movers.includes(id))
    const newUser = await join(after, newcomer!, daysBefore(10), 1)
    expect((await after.progress(newUser, NOW)).holdout).toBe(true)
    const recorded = await suite.storage.query<{ set_id: string; arm: string }>('SELECT set_id, arm FROM assignments WHERE program_id = $1 AND unit = $2 ORDER BY set_id', [changed.id, newcomer])
    expect(recorded.map((r) => r.set_id)).toEqual([changed.experiment!.id, variantSetId('tasks')])
  })

  it('lets the first recorded assignment win when two processes with different settings meet a unit at once', async () => {
    const first = experimentProgram({ holdoutPercent: 0 })
    const second: Program = { ...first, experiment: { ...first.experiment!, holdoutPercent: 50 } }
    const [a, b] = await Promise.all([suite.start(first), suite.start(second)])
    // Units a 50% holdout would hold out and a 0% one would not: the two processes disagree on every one of them.
    const units = accounts(second.experiment!, 'holdout', 6)
    const seen = await Promise.all(
      units.flatMap((unit) => [a, b].map(async (service) => {
        await service.upsertSubject(`${unit}-u`, { signedUpAt: daysBefore(2), accountId: unit })
        return { unit, holdout: (await service.progress(`${unit}-u`, NOW)).holdout === true }
      })),
    )
    for (const unit of units) {
      const arms = seen.filter((s) => s.unit === unit).map((s) => s.holdout)
      expect(new Set(arms).size).toBe(1)
      const stored = await suite.storage.query<{ arm: string }>('SELECT arm FROM assignments WHERE program_id = $1 AND set_id = $2 AND unit = $3', [first.id, first.experiment!.id, unit])
      expect(stored).toEqual([{ arm: arms[0] ? 'holdout' : 'treatment' }])
    }
  })

  it('assigns every user of an account together', async () => {
    const program = experimentProgram()
    const service = await suite.start(program)
    const [held] = accounts(program.experiment!, 'holdout', 1)
    for (const userId of ['a', 'b', 'c']) await service.upsertSubject(`${held}-${userId}`, { signedUpAt: daysBefore(2), accountId: held })
    for (const userId of ['a', 'b', 'c']) expect((await service.progress(`${held}-${userId}`, NOW)).holdout).toBe(true)
  })

  it('measures lift on matured subjects only, converted within withinDays of signup', async () => {
    const program = experimentProgram({ holdoutPercent: 20 })
    const service = await suite.start(program)
    const exp = program.experiment!
    const treated = accounts(exp, 'treatment', 8)
    const held = accounts(exp, 'holdout', 5)
    // Treatment: 6 of 8 activate on day 1; one activates on day 9 (too late: metric is within 7 days); one never.
    for (const [i, id] of treated.entries()) await join(service, id, daysBefore(20), i < 6 ? 3 : i === 6 ? 3 : 0, i === 6 ? 9 : 1)
    // Holdout: 2 of 5 activate.
    for (const [i, id] of held.entries()) await join(service, id, daysBefore(20), i < 2 ? 3 : 0)
    // Too recent to count (signed up 3 days ago, window of 7 not over), whatever they did.
    for (const id of accounts(exp, 'treatment', 10).slice(8)) await join(service, id, daysBefore(3), 3)

    const result = await service.experiment(NOW)
    expect(result).toMatchObject({
      experimentId: exp.id,
      holdoutPercent: 20,
      metric: { levelId: 'start', withinDays: 7 },
      treatment: { n: 8, converted: 6, rate: 0.75 },
      holdout: { n: 5, converted: 2, rate: 0.4 },
    })
    expect(result!.lift).toEqual(estimateLift({ treatment: { n: 8, converted: 6 }, control: { n: 5, converted: 2 } }))
    expect(result!.power?.effect).toBe(0.05)
    expect(result!.power!.moreSubjectsNeeded).toBeGreaterThan(100)

    // Variants compare treatment units only, on completion and on the metric.
    const variants = result!.variants[0]!
    expect(variants.milestoneId).toBe('tasks')
    expect(variants.arms.map((a) => a.id)).toEqual(['two', 'three'])
    expect(variants.arms.reduce((sum, a) => sum + a.n, 0)).toBe(8)
    expect(variants.comparisons).toEqual([expect.objectContaining({ variantId: 'three', baselineId: 'two' })])
  })

  it('has no experiment results for a program without an experiment', async () => {
    const service = await suite.start(freshProgram())
    expect(await service.experiment(NOW)).toBeUndefined()
    await service.upsertSubject('someone', { signedUpAt: daysBefore(1) })
    expect((await service.progress('someone', NOW)).holdout).toBeUndefined()
    expect(await suite.storage.query('SELECT 1 FROM assignments WHERE unit = $1', ['someone'])).toEqual([])
  })
})
