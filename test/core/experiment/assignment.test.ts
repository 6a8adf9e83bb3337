import { createHash } from 'node:crypto'
import fc from 'fast-check'
import {
  applyVariants, assignmentBucket, assignmentUnit, bucketFromHash, createIncrementalEvaluator, evaluate, experimentArm, parseProgram,
  pickVariant, sha256, variantAssignments, variantSetId, type CairnEvent, type Program,
} from '../../../src/core'

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

describe('sha256 (pure TypeScript, usable in the browser)', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(hex(sha256(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(hex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(hex(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1')
  })

  it('agrees with node:crypto on any text, including multi-byte and block-boundary lengths', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(hex(sha256(text))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
      }),
    )
    for (const length of [55, 56, 63, 64, 65, 119, 120]) {
      const text = 'x'.repeat(length)
      expect(hex(sha256(text))).toBe(createHash('sha256').update(text).digest('hex'))
    }
  })
})

describe('assignment (DESIGN §7.6)', () => {
  it('bucket = uint32 of the first 4 bytes of sha256("<id>:<unit>") / 2^32 × 100', () => {
    const digest = createHash('sha256').update('onboarding-2026:acct-42').digest()
    expect(assignmentBucket('onboarding-2026', 'acct-42')).toBe((digest.readUInt32BE(0) / 2 ** 32) * 100)
    expect(bucketFromHash(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toBeLessThan(100)
    expect(bucketFromHash(new Uint8Array([0, 0, 0, 0, 9]))).toBe(0)
  })

  it('assigns the account when there is one, else the user', () => {
    expect(assignmentUnit({ userId: 'u1', accountId: 'a1' })).toBe('a1')
    expect(assignmentUnit({ userId: 'u1' })).toBe('u1')
  })

  it('holds out units whose bucket is below holdoutPercent, about that share of many', () => {
    const experiment = { id: 'exp', holdoutPercent: 10 }
    const units = Array.from({ length: 5000 }, (_, i) => `acct-${i}`)
    for (const unit of units.slice(0, 50)) {
      expect(experimentArm(experiment, unit)).toBe(assignmentBucket('exp', unit) < 10 ? 'holdout' : 'treatment')
    }
    const held = units.filter((unit) => experimentArm(experiment, unit) === 'holdout').length
    expect(held / units.length).toBeGreaterThan(0.08)
    expect(held / units.length).toBeLessThan(0.12)
    expect(units.every((unit) => experimentArm({ id: 'exp', holdoutPercent: 0 }, unit) === 'treatment')).toBe(true)
  })

  it('picks variants by consecutive weight slices, in order', () => {
    const variants = [{ id: 'two', weight: 1 }, { id: 'three', weight: 3 }]
    expect(pickVariant(variants, 0).id).toBe('two')
    expect(pickVariant(variants, 24.99).id).toBe('two')
    expect(pickVariant(variants, 25).id).toBe('three')
    expect(pickVariant(variants, 99.999).id).toBe('three')
  })

  it('hashes variant sets apart from the experiment, so holdout and variants are independent', () => {
    expect(variantSetId('five-tasks')).toBe('variants:five-tasks')
    const same = Array.from({ length: 2000 }, (_, i) => `u${i}`).filter((unit) => (assignmentBucket('five-tasks', unit) < 50) === (assignmentBucket(variantSetId('five-tasks'), unit) < 50))
    expect(same.length / 2000).toBeGreaterThan(0.45)
    expect(same.length / 2000).toBeLessThan(0.55)
  })
})

const program: Program = {
  id: 'p',
  version: '1',
  title: 'P',
  milestones: [
    {
      id: 'tasks',
      title: 'Add tasks',
      category: 'onboarding',
      criterion: { kind: 'count', event: 'task', atLeast: 3 },
      variants: [
        { id: 'two', weight: 1, criterion: { kind: 'count', event: 'task', atLeast: 2 } },
        { id: 'three', weight: 1, criterion: { kind: 'count', event: 'task', atLeast: 3 } },
      ],
    },
  ],
  levels: [{ id: 'one', title: 'One', milestones: ['tasks'] }],
  badges: [],
}

describe('threshold variants in the engine', () => {
  const subject = { userId: 'u', signedUpAt: '2026-01-01T00:00:00Z' }
  const events: CairnEvent[] = [1, 2].map((i) => ({ id: `e${i}`, name: 'task', userId: 'u', timestamp: `2026-01-0${i + 1}T00:00:00Z` }))
  const now = '2026-01-10T00:00:00Z'

  it("evaluates the subject with its variant's criterion", () => {
    expect(evaluate(applyVariants(program, { tasks: 'two' }), events, { now, subject }).milestones.tasks).toMatchObject({ state: 'achieved', target: 2 })
    expect(evaluate(applyVariants(program, { tasks: 'three' }), events, { now, subject }).milestones.tasks).toMatchObject({ state: 'in_progress', target: 3 })
  })

  it('keeps the default criterion without an assignment, and leaves programs without variants untouched', () => {
    expect(applyVariants(program, {}).milestones[0]!.criterion).toEqual({ kind: 'count', event: 'task', atLeast: 3 })
    const plain = { ...program, milestones: [{ ...program.milestones[0]!, variants: undefined }] }
    expect(applyVariants(plain, { tasks: 'two' })).toBe(plain)
  })

  it('evaluate and the incremental evaluator agree for every assignment', () => {
    for (const variant of ['two', 'three']) {
      const resolved = applyVariants(program, { tasks: variant })
      const incremental = createIncrementalEvaluator(resolved, subject)
      for (const event of events) incremental.apply(event, now)
      expect(incremental.progress(now)).toEqual(evaluate(resolved, events, { now, subject }))
    }
  })

  it('variantAssignments uses the same hash with the variant set id', () => {
    const chosen = variantAssignments(program, 'acct-7')
    expect(chosen.tasks).toBe(assignmentBucket('variants:tasks', 'acct-7') < 50 ? 'two' : 'three')
  })
})

describe('parseProgram: experiment and variants', () => {
  const withExperiment = (experiment: unknown) => parseProgram({ ...program, experiment })
  const errors = (input: ReturnType<typeof parseProgram>) => (input.ok ? [] : input.errors)

  it('accepts a valid experiment and variants', () => {
    expect(withExperiment({ id: 'exp', holdoutPercent: 10, metric: { levelId: 'one', withinDays: 14 } }).ok).toBe(true)
  })

  it('gives precise paths for a bad experiment', () => {
    expect(errors(withExperiment({ id: 'exp', holdoutPercent: 60, metric: { levelId: 'one', withinDays: 14 } }))).toEqual([
      { path: 'experiment.holdoutPercent', message: 'must be from 0 to 50' },
    ])
    expect(errors(withExperiment({ id: 'exp', holdoutPercent: 10, metric: { levelId: 'one', milestoneId: 'tasks', withinDays: 14 } }))).toEqual([
      { path: 'experiment.metric', message: 'must name exactly one of levelId or milestoneId' },
    ])
    expect(errors(withExperiment({ id: 'exp', holdoutPercent: 10, metric: { milestoneId: 'nope', withinDays: 14 } }))).toEqual([
      { path: 'experiment.metric.milestoneId', message: 'unknown milestone "nope"' },
    ])
    expect(errors(withExperiment({ id: 'exp', holdoutPercent: 10, metric: { levelId: 'one', withinDays: 0 } }))).toEqual([
      { path: 'experiment.metric.withinDays', message: 'must be a positive integer' },
    ])
    expect(errors(withExperiment({ id: 'exp', holdoutPercent: 10, metric: { levelId: 'one', withinDays: 3 }, extra: 1 }))[0]?.path).toBe('experiment')
  })

  it('gives precise paths for bad variants', () => {
    const milestone = program.milestones[0]!
    const bad = (variants: unknown) => errors(parseProgram({ ...program, milestones: [{ ...milestone, variants }] }))
    expect(bad([milestone.variants![0]])).toEqual([{ path: 'milestones[0].variants', message: 'must list at least two variants to compare' }])
    expect(bad([milestone.variants![0], { ...milestone.variants![1], id: 'two' }])).toEqual([
      { path: 'milestones[0].variants[1].id', message: 'duplicate variant id "two"' },
    ])
    expect(bad([milestone.variants![0], { ...milestone.variants![1], weight: 0 }])).toEqual([
      { path: 'milestones[0].variants[1].weight', message: 'must be greater than 0' },
    ])
    expect(bad([milestone.variants![0], { ...milestone.variants![1], criterion: { kind: 'nope' } }])[0]?.path).toBe('milestones[0].variants[1].criterion.kind')
  })
})
