import { describe, expect, it } from 'vitest'
import { parseProgram, type Criterion } from '../../src/core'
import { draft, errorsOf, validProgram } from './program-drafts'

/** `all` wrapping `all` … around a count leaf, `depth` levels including the leaf. */
function nested(depth: number): Criterion {
  let node: Criterion = { kind: 'count', event: 'e', atLeast: 1 }
  for (let i = 1; i < depth; i++) node = { kind: 'all', of: [node] }
  return node
}

describe('parseProgram accepts', () => {
  it('a valid program object and returns it typed', () => {
    expect(parseProgram(validProgram())).toEqual({ ok: true, program: validProgram(), source: validProgram() })
  })

  it('level features as bare ids or as { id, label } (DESIGN §7.9)', () => {
    const program = draft()
    program.levels[0].unlocks.features = ['extra', { id: 'templates', label: 'Project templates' }]
    const result = parseProgram(program)
    expect(result.ok && result.program.levels[0]?.unlocks?.features).toEqual(['extra', { id: 'templates', label: 'Project templates' }])
  })

  it('the same program as a JSON string', () => {
    expect(parseProgram(JSON.stringify(validProgram()))).toEqual({ ok: true, program: validProgram(), source: validProgram() })
  })

  it('criteria nested exactly 8 levels deep, counting the leaf', () => {
    const program = draft()
    program.milestones[0].criterion = nested(8)
    expect(parseProgram(program).ok).toBe(true)
  })
})

describe('parseProgram rejects input that is not a program', () => {
  it('reports invalid JSON text at the root', () => {
    expect(errorsOf('{"id": "sample",')).toEqual([{ path: '', message: 'must be valid JSON' }])
  })

  it.each([[null], ['null'], [[]], [42]])('reports %j as not an object', (input) => {
    expect(errorsOf(input)).toEqual([{ path: '', message: 'must be an object' }])
  })
})

describe('parseProgram rejects criteria', () => {
  it('with an unknown kind, pointing at the kind', () => {
    const program = draft()
    program.milestones[1].criterion = { kind: 'percent', event: 'paid', atLeast: 1 }
    expect(errorsOf(program)).toEqual([{ path: 'milestones[1].criterion.kind', message: 'is not a known kind' }])
  })

  it('with an unknown kind nested inside all/any, pointing at the nested kind', () => {
    const program = draft()
    program.milestones[0].criterion = { kind: 'any', of: [{ kind: 'count', event: 'a', atLeast: 1 }, { kind: 'ratio', event: 'b' }] }
    expect(errorsOf(program)).toEqual([{ path: 'milestones[0].criterion.of[1].kind', message: 'is not a known kind' }])
  })

  it('nested 9 levels deep, pointing at the node that is too deep', () => {
    const program = draft()
    program.milestones[2].criterion = nested(9)
    expect(errorsOf(program)).toEqual([
      { path: `milestones[2].criterion${'.of[0]'.repeat(8)}`, message: 'criteria may nest at most 8 levels deep' },
    ])
  })

  it('with an empty all', () => {
    const program = draft()
    program.milestones[0].criterion = { kind: 'all', of: [] }
    expect(errorsOf(program)).toEqual([{ path: 'milestones[0].criterion.of', message: 'must list at least one criterion' }])
  })

  it('with a window of a fractional number of days', () => {
    const program = draft()
    program.milestones[3].criterion.within.days = 1.5
    expect(errorsOf(program)).toEqual([{ path: 'milestones[3].criterion.within.days', message: 'must be a positive integer' }])
  })

  it.each([[0], [-7]])('with a window of %d days', (days) => {
    const program = draft()
    program.milestones[3].criterion.within.days = days
    expect(errorsOf(program)).toEqual([{ path: 'milestones[3].criterion.within.days', message: 'must be a positive integer' }])
  })

  it.each([[0], [-1], [-0.5]])('with a threshold of %d', (atLeast) => {
    const program = draft()
    program.milestones[3].criterion.atLeast = atLeast
    expect(errorsOf(program)).toEqual([{ path: 'milestones[3].criterion.atLeast', message: 'must be greater than 0' }])
  })

  // JSON cannot carry these, but a program built in code can.
  it.each([[Infinity], [-Infinity], [NaN]])('with a threshold of %d', (atLeast) => {
    const program = draft()
    program.milestones[1].criterion.atLeast = atLeast
    expect(errorsOf(program)).toEqual([{ path: 'milestones[1].criterion.atLeast', message: 'must be a finite number' }])
  })

  it.each([[Infinity], [NaN]])('with a window of %d days', (days) => {
    const program = draft()
    program.milestones[3].criterion.within.days = days
    expect(errorsOf(program)).toEqual([{ path: 'milestones[3].criterion.within.days', message: 'must be a finite number' }])
  })

  it('with an unknown streak period', () => {
    const program = draft()
    program.milestones[2].criterion.period = 'month'
    expect(errorsOf(program)).toEqual([{ path: 'milestones[2].criterion.period', message: 'must be one of "day", "week"' }])
  })

  it('with an unknown key', () => {
    const program = draft()
    program.milestones[0].criterion.times = 2
    expect(errorsOf(program)).toEqual([{ path: 'milestones[0].criterion', message: 'has unknown key "times"' }])
  })
})

describe('parseProgram rejects milestone settings', () => {
  it.each([[0], [2.5], [Infinity]])('a deadline of %d days', (days) => {
    const program = draft()
    program.milestones[3].deadline.days = days
    expect(errorsOf(program)).toEqual([
      { path: 'milestones[3].deadline.days', message: Number.isFinite(days) ? 'must be a positive integer' : 'must be a finite number' },
    ])
  })

  it('an unknown category and celebration style', () => {
    const program = draft()
    program.milestones[0].category = 'fun'
    program.milestones[0].celebrate = 'fireworks'
    expect(errorsOf(program)).toEqual([
      { path: 'milestones[0].category', message: 'must be one of "onboarding", "adoption", "habit", "value", "growth", "advocacy", "risk"' },
      { path: 'milestones[0].celebrate', message: 'must be one of "confetti", "modal", "toast", "none"' },
    ])
  })

  it('a value saving that is not a finite positive number', () => {
    const program = draft()
    program.milestones[0].value = { minutesSavedPerUnit: -5 }
    expect(errorsOf(program)).toEqual([{ path: 'milestones[0].value.minutesSavedPerUnit', message: 'must be greater than 0' }])
  })

  it('an hourly rate without minutes saved per unit', () => {
    const program = draft()
    program.milestones[0].value = { hourlyRate: 60, currency: 'USD' }
    expect(errorsOf(program)).toEqual([{ path: 'milestones[0].value.minutesSavedPerUnit', message: 'is required when hourlyRate is set' }])
  })

  it('a value on an all/any milestone, which has no single count to multiply', () => {
    const program = draft()
    program.milestones[0].criterion = nested(2)
    program.milestones[0].value = { minutesSavedPerUnit: 5 }
    expect(errorsOf(program)).toEqual([{ path: 'milestones[0].value', message: 'needs a single countable criterion, not all/any' }])
  })
})

describe('parseProgram rejects unknown keys', () => {
  it('at the top level', () => {
    const program = draft()
    program.theme = 'dark'
    expect(errorsOf(program)).toEqual([{ path: '', message: 'has unknown key "theme"' }])
  })

  it('on a milestone, naming every unknown key', () => {
    const program = draft()
    program.milestones[2].points = 10
    program.milestones[2].xp = 5
    expect(errorsOf(program)).toEqual([{ path: 'milestones[2]', message: 'has unknown keys "points", "xp"' }])
  })

  it('on a labelled feature unlock, and a feature without its label', () => {
    const program = draft()
    program.levels[0].unlocks.features = [{ id: 'templates', label: 'Project templates', icon: '📄' }, { id: 'reports' }, 7]
    expect(errorsOf(program)).toEqual([
      { path: 'levels[0].unlocks.features[0]', message: 'has unknown key "icon"' },
      { path: 'levels[0].unlocks.features[1].label', message: expect.stringMatching(/^must be text/) },
      { path: 'levels[0].unlocks.features[2]', message: 'must be a feature id or { id, label }' },
    ])
  })

  it('on a level unlock', () => {
    const program = draft()
    program.levels[0].unlocks.coupon = 'SAVE10'
    expect(errorsOf(program)).toEqual([{ path: 'levels[0].unlocks', message: 'has unknown key "coupon"' }])
  })
})

describe('parseProgram rejects broken references', () => {
  it('duplicate milestone, level and badge ids, at the later copy', () => {
    const program = draft()
    program.milestones[2].id = 'first'
    program.levels[1].id = 'one'
    program.badges[1].id = 'starter'
    program.levels[1].milestones = []
    program.levels[0].unlocks = undefined
    expect(errorsOf(program)).toEqual([
      { path: 'milestones[2].id', message: 'duplicate id "first"' },
      { path: 'levels[1].id', message: 'duplicate id "one"' },
      { path: 'badges[1].id', message: 'duplicate id "starter"' },
    ])
  })

  it('a level naming a milestone that does not exist', () => {
    const program = draft()
    program.levels[1].milestones = ['third', 'ghost']
    expect(errorsOf(program)).toEqual([{ path: 'levels[1].milestones[1]', message: 'unknown milestone "ghost"' }])
  })

  it('a milestone listed in two levels', () => {
    const program = draft()
    program.levels[1].milestones = ['third', 'first']
    expect(errorsOf(program)).toEqual([{ path: 'levels[1].milestones[1]', message: 'milestone "first" already belongs to level "one"' }])
  })

  it('a milestone badge that is not defined', () => {
    const program = draft()
    program.milestones[0].badge = 'legend'
    expect(errorsOf(program)).toEqual([{ path: 'milestones[0].badge', message: 'unknown badge "legend"' }])
  })

  it('a level badge that is not defined', () => {
    const program = draft()
    program.levels[0].unlocks.badge = 'legend'
    expect(errorsOf(program)).toEqual([{ path: 'levels[0].unlocks.badge', message: 'unknown badge "legend"' }])
  })

  it('reports every broken reference at once', () => {
    const program = draft()
    program.milestones[0].badge = 'legend'
    program.levels[0].unlocks.badge = 'myth'
    program.levels[1].milestones = ['ghost']
    expect(errorsOf(program)).toHaveLength(3)
  })
})

describe('parseProgram rejects program settings', () => {
  it.each([[0], [9.5]])('a minimum cohort of %d', (minCohort) => {
    const program = draft()
    program.benchmarks.minCohort = minCohort
    expect(errorsOf(program)).toEqual([{ path: 'benchmarks.minCohort', message: 'must be a positive integer' }])
  })

  it('a badge icon with a non-https URL', () => {
    const program = draft()
    program.badges[0].icon = 'javascript:alert(1)'
    expect(errorsOf(program)).toEqual([{ path: 'badges[0].icon', message: 'must be an emoji or an https URL' }])
  })

  it('a missing required field', () => {
    const program = draft()
    delete program.milestones[1].title
    expect(errorsOf(program)).toEqual([{ path: 'milestones[1].title', message: 'must be text or a map from locale to text, such as { "en": "…", "de": "…" }' }])
  })
})
