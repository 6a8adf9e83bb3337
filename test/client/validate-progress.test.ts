import { describe, expect, it } from 'vitest'
import { CairnError } from '../../src/client'
import { localSource, memoryStorage } from '../../src/client/local'
import { validateMeProgress } from '../../src/client/validate'
import { CELEBRATION_KINDS, CELEBRATION_STYLES, LEVEL_STATES, MILESTONE_STATES, demoProgram, type MeProgress } from '../../src/core'
import { EVALUATED_AT, celebration, meProgress } from './fixtures'

/** Bodies are broken at arbitrary depth, which only an untyped view allows. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>

/** A snapshot using every optional field, so each one is checked on the happy path too. */
function fullProgress(): MeProgress {
  return meProgress({
    milestones: {
      'first-project': { state: 'achieved', current: 1, target: 1, achievedAt: EVALUATED_AT, dueAt: EVALUATED_AT, late: true },
      'five-tasks': { state: 'in_progress', current: 2, target: 5 },
    },
    nextSteps: [{ milestoneId: 'five-tasks', title: 'Add tasks', reason: '3 to go', cta: { label: 'Add a task', href: '/tasks/new' } }],
    value: { minutesSaved: 42, moneySaved: 31.5, currency: 'EUR' },
    signals: [{ id: 'went-quiet', state: 'active', since: EVALUATED_AT }, { id: 'stalled', state: 'clear' }, { id: 'back', state: 'clear', clearedAt: EVALUATED_AT }],
    suppressed: { reason: 'trait:supportCase' },
    benchmarks: {
      cohortSize: 120,
      percentile: 80,
      typicalAchievedAtStage: 2,
      milestones: { 'first-project': { achievedShare: 0.9, medianDaysToAchieve: 1 }, 'five-tasks': { achievedShare: 0, medianDaysToAchieve: null } },
      badges: { organized: { earnedShare: 0.12 } },
      comparedAs: 'user',
    },
    celebrations: [celebration('milestone', 'first-project', { message: 'Nice' }), celebration('level', 'getting-started', { style: 'modal' })],
  })
}

/** Runs the validator and returns the CairnError it raised. */
function rejectionOf(body: unknown): CairnError {
  try {
    validateMeProgress(body)
  } catch (error) {
    if (error instanceof CairnError) return error
    throw error
  }
  throw new Error('expected the body to be rejected')
}

/** A full snapshot with one spot broken by `mutate`. */
function broken(mutate: (body: Loose) => void): unknown {
  const body = structuredClone(fullProgress()) as Loose
  mutate(body)
  return body
}

describe('validateMeProgress', () => {
  it('accepts a snapshot that uses every optional field, returning it unchanged', () => {
    const body = fullProgress()
    expect(validateMeProgress(body)).toBe(body)
  })

  it('accepts what the core engine produces, celebrations included', async () => {
    const source = localSource({ program: demoProgram, storage: memoryStorage(), now: () => new Date(EVALUATED_AT) })
    for (const name of ['project_created', 'task_added', 'teammate_invited']) await source.track({ name })
    const { progress } = await source.load()
    expect(progress.celebrations.length).toBeGreaterThan(0)
    expect(validateMeProgress(JSON.parse(JSON.stringify(progress)))).toEqual(progress)
  })

  it('accepts every state, kind and style the core knows', () => {
    for (const state of MILESTONE_STATES) expect(() => validateMeProgress(meProgress({ milestones: { a: { state, current: 0, target: 1 } } }))).not.toThrow()
    for (const state of LEVEL_STATES) expect(() => validateMeProgress(meProgress({ levels: [{ id: 'l', state, completed: 0, total: 1 }] }))).not.toThrow()
    for (const kind of CELEBRATION_KINDS) {
      for (const style of CELEBRATION_STYLES) expect(() => validateMeProgress(meProgress({ celebrations: [celebration(kind, 'x', { style })] }))).not.toThrow()
    }
  })

  it('lets unknown keys through, so an older widget keeps working against a newer API', () => {
    const body = { ...fullProgress(), streakFreezes: 2, levels: [{ id: 'l', state: 'active', completed: 0, total: 1, color: 'teal' }] }
    expect(validateMeProgress(body)).toMatchObject({ streakFreezes: 2 })
  })

  it.each([
    ['an HTML page', '<!doctype html><h1>Please sign in</h1>', 'body', 'expected an object'],
    ['null', null, 'body', 'expected an object'],
    ['an array instead of the snapshot', [fullProgress()], 'body', 'expected an object'],
    ['a missing field', broken((b) => delete b.evaluatedAt), 'evaluatedAt', 'is missing'],
    ['a missing list', broken((b) => delete b.celebrations), 'celebrations', 'is missing'],
    ['a string instead of a list', broken((b) => (b.levels = 'all of them')), 'levels', 'expected a list'],
    ['an array instead of a record', broken((b) => (b.milestones = [])), 'milestones', 'expected an object'],
    ['a number inside a record of objects', broken((b) => (b.milestones.x = 5)), 'milestones.x', 'expected an object'],
    ['an unknown milestone state', broken((b) => (b.milestones['first-project'].state = 'done')), 'milestones.first-project.state', 'expected one of "locked"'],
    ['an unknown level state', broken((b) => (b.levels[1].state = 'open')), 'levels[1].state', 'expected one of'],
    ['a number as a string', broken((b) => (b.milestones['five-tasks'].current = '2')), 'milestones.five-tasks.current', 'expected a finite number'],
    ['NaN', broken((b) => (b.milestones['five-tasks'].target = Number.NaN)), 'milestones.five-tasks.target', 'expected a finite number'],
    ['Infinity', broken((b) => (b.benchmarks.percentile = Number.POSITIVE_INFINITY)), 'benchmarks.percentile', 'expected a finite number'],
    ['an unparseable timestamp', broken((b) => (b.milestones['first-project'].achievedAt = 'yesterday')), 'milestones.first-project.achievedAt', 'ISO 8601'],
    ['an unparseable evaluatedAt', broken((b) => (b.evaluatedAt = '2026-13-45')), 'evaluatedAt', 'ISO 8601'],
    ['a badge earned at no time', broken((b) => (b.badges = [{ id: 'organized' }])), 'badges[0].earnedAt', 'is missing'],
    ['null for an optional field', broken((b) => (b.milestones['first-project'].dueAt = null)), 'milestones.first-project.dueAt', 'ISO 8601'],
    ['a late flag that is not a boolean', broken((b) => (b.milestones['first-project'].late = 'yes')), 'milestones.first-project.late', 'expected a boolean'],
    ['a next step without a reason', broken((b) => delete b.nextSteps[0].reason), 'nextSteps[0].reason', 'is missing'],
    ['a feature that is not a string', broken((b) => (b.unlockedFeatures = [7])), 'unlockedFeatures[0]', 'expected a string'],
    ['a malformed currency', broken((b) => (b.value.currency = 'euros')), 'value.currency', 'ISO 4217'],
    ['a badge rarity that is not a number', broken((b) => (b.benchmarks.badges.organized.earnedShare = '12%')), 'benchmarks.badges.organized.earnedShare', 'expected a finite number'],
    ['a benchmark median that is not a number', broken((b) => (b.benchmarks.milestones['five-tasks'].medianDaysToAchieve = 'soon')), 'benchmarks.milestones.five-tasks.medianDaysToAchieve', 'expected a finite number'],
    ['an unknown celebration kind', broken((b) => (b.celebrations[0].kind = 'streak')), 'celebrations[0].kind', 'expected one of "level", "badge", "milestone"'],
    ['an unknown celebration style', broken((b) => (b.celebrations[1].style = 'fireworks')), 'celebrations[1].style', 'expected one of'],
    ['an unknown signal state', broken((b) => (b.signals[0].state = 'risky')), 'signals[0].state', 'expected one of "active", "clear"'],
    ['a signal active since no time', broken((b) => (b.signals[0].since = 'a while')), 'signals[0].since', 'ISO 8601'],
    ['a return cleared at no time', broken((b) => (b.signals[2].clearedAt = 'yesterday')), 'signals[2].clearedAt', 'ISO 8601'],
    ['a suppression without a reason', broken((b) => (b.suppressed = {})), 'suppressed.reason', 'is missing'],
    ['a celebration priority that is not a number', broken((b) => (b.celebrations[0].priority = null)), 'celebrations[0].priority', 'expected a finite number'],
  ])('rejects %s, naming the path', (_what, body, path, message) => {
    const error = rejectionOf(body)
    expect(error.code).toBe('invalid_response')
    expect(error.message).toContain(`(${path}: `)
    expect(error.message).toContain(message)
    expect(error.details).toEqual([{ path, message: expect.stringContaining(message) }])
  })

  it.each([
    ['an unsafe CTA link', broken((b) => (b.nextSteps[0].cta.href = 'javascript:alert(1)')), 'nextSteps[0].cta.href', 'http(s) or relative'],
    ['a protocol-relative CTA link', broken((b) => (b.nextSteps[0].cta.href = '//evil.example')), 'nextSteps[0].cta.href', 'http(s) or relative'],
  ])('leaves out %s, keeps the rest of the snapshot and reports the path', (_what, body, path, message) => {
    const reported: CairnError[] = []
    const kept = validateMeProgress(body, (error) => reported.push(error))
    expect(kept.nextSteps[0]).toMatchObject({ milestoneId: expect.any(String), reason: expect.any(String) })
    expect(kept.nextSteps[0]).not.toHaveProperty('cta')
    expect(kept.milestones).toEqual(fullProgress().milestones)
    expect(reported.map((e) => e.details)).toEqual([[{ path, message: expect.stringContaining(message) }]])
  })

  it('leaves out a benchmark unit it does not know (the card then says teams, as before) and keeps the rest', () => {
    const reported: CairnError[] = []
    const kept = validateMeProgress(broken((b) => (b.benchmarks.comparedAs = 'seat')), (error) => reported.push(error))
    expect(kept.benchmarks).not.toHaveProperty('comparedAs')
    expect(kept.benchmarks?.percentile).toBe(80)
    expect(reported.map((e) => e.details)).toEqual([[{ path: 'benchmarks.comparedAs', message: expect.stringContaining('expected one of "account", "user"') }]])
  })

  it('never echoes what the server sent into the error message', () => {
    const error = rejectionOf('<html><body>Forbidden by proxy</body></html>')
    expect(error.message).not.toContain('<html>')
    expect(rejectionOf(broken((b) => (b.programId = '<script>x</script>'.length))).message).not.toContain('<script>')
  })
})
