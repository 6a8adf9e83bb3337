import { describe, expect, it } from 'vitest'
import { CairnError } from '../../src/client'
import { validateDigest, validateProgram } from '../../src/client/validate'
import { CELEBRATION_STYLES, MILESTONE_CATEGORIES, demoProgram, type Digest } from '../../src/core'

/** Bodies are broken at arbitrary depth, which only an untyped view allows. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>

/** Runs `validate` and returns the CairnError it raised. */
function rejectionOf(validate: (body: unknown) => unknown, body: unknown): CairnError {
  try {
    validate(body)
  } catch (error) {
    if (error instanceof CairnError) return error
    throw error
  }
  throw new Error('expected the body to be rejected')
}

/** A copy of `body` with one spot broken by `mutate`. */
function broken<T>(body: T, mutate: (copy: Loose) => void): unknown {
  const copy = structuredClone(body) as Loose
  mutate(copy)
  return copy
}

const program = (mutate: (copy: Loose) => void) => broken(demoProgram, mutate)

function fullDigest(): Digest {
  return {
    period: 'week',
    from: '2026-04-24T00:00:00.000Z',
    to: '2026-05-01T00:00:00.000Z',
    achieved: [{ milestoneId: 'first-project', title: 'Create your first project', achievedAt: '2026-04-25T09:00:00.000Z' }],
    badges: [{ id: 'organized', title: 'Organized', earnedAt: '2026-04-26T09:00:00.000Z' }],
    levelsCompleted: [{ id: 'getting-started', title: 'Getting started' }],
    minutesSaved: 30,
    nextStep: { milestoneId: 'five-tasks', title: 'Add tasks', reason: '3 to go', cta: { label: 'Add a task', href: 'https://app.example/tasks' } },
  }
}

describe('validateProgram', () => {
  it('accepts the demo program, returning it unchanged', () => {
    expect(validateProgram(demoProgram)).toBe(demoProgram)
  })

  it('accepts every category and celebration style the core knows', () => {
    for (const category of MILESTONE_CATEGORIES) {
      for (const celebrate of CELEBRATION_STYLES) {
        expect(() => validateProgram(program((p) => Object.assign(p.milestones[0], { category, celebrate })))).not.toThrow()
      }
    }
  })

  it('lets unknown keys through, so an older widget keeps working against a newer API', () => {
    expect(() => validateProgram(program((p) => (p.theme = { accent: 'teal' })))).not.toThrow()
  })

  it.each([
    ['an HTML page', '<!doctype html><p>Sign in</p>', 'body', 'expected an object'],
    ['null', null, 'body', 'expected an object'],
    ['a list of milestones instead of a program', demoProgram.milestones, 'body', 'expected an object'],
    ['a missing version', program((p) => delete p.version), 'version', 'is missing'],
    ['a numeric version', program((p) => (p.version = 3)), 'version', 'expected a non-empty string'],
    ['an empty milestone title', program((p) => (p.milestones[1].title = '')), 'milestones[1].title', 'expected a non-empty string'],
    ['an unknown category', program((p) => (p.milestones[0].category = 'fun')), 'milestones[0].category', 'expected one of "onboarding"'],
    ['an unknown criterion kind', program((p) => (p.milestones[0].criterion.kind = 'vibes')), 'milestones[0].criterion.kind', 'expected one of'],
    ['a missing criterion', program((p) => delete p.milestones[2].criterion), 'milestones[2].criterion', 'is missing'],
    ['a deadline of zero days', program((p) => (p.milestones[0].deadline = { days: 0 })), 'milestones[0].deadline.days', 'greater than 0'],
    ['a priority of NaN', program((p) => (p.milestones[0].priority = Number.NaN)), 'milestones[0].priority', 'expected a finite number'],
    ['an unknown unit', program((p) => (p.milestones[0].unit = 'team')), 'milestones[0].unit', 'expected one of "user", "account"'],
    ['an unknown celebration style', program((p) => (p.milestones[0].celebrate = 'fireworks')), 'milestones[0].celebrate', 'expected one of'],
    ['a value with a malformed currency', program((p) => (p.milestones[0].value = { minutesSavedPerUnit: 5, currency: 'usd' })), 'milestones[0].value.currency', 'ISO 4217'],
    ['a level listing milestones as a string', program((p) => (p.levels[0].milestones = 'first-project')), 'levels[0].milestones', 'expected a list'],
    ['a level unlocking features that are not strings', program((p) => (p.levels[0].unlocks.features = [1])), 'levels[0].unlocks.features[0]', 'expected a non-empty string'],
    ['a feature unlock without its label', program((p) => (p.levels[0].unlocks.features = [{ id: 'templates' }])), 'levels[0].unlocks.features[0].label', 'is missing'],
    ['badges as an object', program((p) => (p.badges = { organized: {} })), 'badges', 'expected a list'],
    ['a minimum cohort of Infinity', program((p) => (p.benchmarks = { minCohort: Number.POSITIVE_INFINITY })), 'benchmarks.minCohort', 'expected a finite number'],
  ])('rejects %s, naming the path', (_what, body, path, message) => {
    const error = rejectionOf(validateProgram, body)
    expect(error.code).toBe('invalid_response')
    expect(error.message).toContain(`(${path}: `)
    expect(error.message).toContain(message)
    expect(error.details).toEqual([{ path, message: expect.stringContaining(message) }])
  })
  it.each([
    ['a javascript: CTA', program((p) => (p.milestones[0].cta.href = ' JavaScript:alert(1)')), 'milestones[0].cta.href', 'http(s) or relative'],
    ['a CTA without a label', program((p) => delete p.milestones[0].cta.label), 'milestones[0].cta.label', 'is missing'],
    ['a badge icon with a javascript: URL', program((p) => (p.badges[0].icon = 'javascript:alert(1)')), 'badges[0].icon', 'emoji or an https URL'],
    ['a badge icon over plain http', program((p) => (p.badges[0].icon = 'http://img.example/a.png')), 'badges[0].icon', 'emoji or an https URL'],
  ])('leaves out %s, keeps the rest of the program and reports the path', (_what, body, path, message) => {
    const reported: CairnError[] = []
    const kept = validateProgram(body, (error) => reported.push(error)) as unknown as Record<string, unknown>
    expect(kept).toMatchObject({ id: demoProgram.id, version: demoProgram.version })
    expect(reported).toHaveLength(1)
    expect(reported[0]?.code).toBe('invalid_response')
    expect(reported[0]?.details).toEqual([{ path, message: expect.stringContaining(message) }])
    expect(JSON.stringify(kept)).not.toMatch(/javascript|http:\/\/img/i)
  })
})

describe('validateDigest', () => {
  it('accepts a digest with every optional field, and one with none', () => {
    const digest = fullDigest()
    expect(validateDigest(digest)).toBe(digest)
    const { minutesSaved: _m, nextStep: _n, ...bare } = digest
    expect(validateDigest(bare)).toEqual(bare)
  })

  it.each([
    ['an HTML page', '<html>Bad gateway</html>', 'body', 'expected an object'],
    ['an array', [], 'body', 'expected an object'],
    ['only a period', { period: 'week' }, 'from', 'is missing'],
    ['an unknown period', broken(fullDigest(), (d) => (d.period = 'year')), 'period', 'expected one of "week", "month"'],
    ['an unparseable date', broken(fullDigest(), (d) => (d.to = 'next friday')), 'to', 'ISO 8601'],
    ['an achievement without a time', broken(fullDigest(), (d) => delete d.achieved[0].achievedAt), 'achieved[0].achievedAt', 'is missing'],
    ['Infinity minutes saved', broken(fullDigest(), (d) => (d.minutesSaved = Number.POSITIVE_INFINITY)), 'minutesSaved', 'expected a finite number'],
    ['levels as an object', broken(fullDigest(), (d) => (d.levelsCompleted = {})), 'levelsCompleted', 'expected a list'],
  ])('rejects %s, naming the path', (_what, body, path, message) => {
    const error = rejectionOf(validateDigest, body)
    expect(error.code).toBe('invalid_response')
    expect(error.message).toContain(`(${path}: `)
    expect(error.details).toEqual([{ path, message: expect.stringContaining(message) }])
  })

  it.each([
    ['an unsafe next-step link', broken(fullDigest(), (d) => (d.nextStep.cta.href = 'data:text/html,hi')), 'nextStep.cta.href', 'http(s) or relative'],
  ])('leaves out %s, keeps the digest and reports the path', (_what, body, path, message) => {
    const reported: CairnError[] = []
    const kept = validateDigest(body, (error) => reported.push(error))
    expect(kept.nextStep).toMatchObject({ milestoneId: expect.any(String) })
    expect(kept.nextStep).not.toHaveProperty('cta')
    expect(reported[0]?.details).toEqual([{ path, message: expect.stringContaining(message) }])
  })
})
