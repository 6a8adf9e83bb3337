import { demoProgram, diffPrograms, isEmptyDiff } from '../../../src/core'
import { withThresholds, without } from './program-versions'

describe('the change summary between two program versions', () => {
  it('lists milestones added, removed and changed, and the levels that changed with them', () => {
    const after = without('2', ['invite-teammate'], withThresholds('2', { 'five-tasks': 8 }))
    const added = { ...demoProgram.milestones[0]!, id: 'brand-new' }
    const diff = diffPrograms(demoProgram, { ...after, milestones: [...after.milestones, added] })
    expect(diff.milestones).toEqual({ added: ['brand-new'], removed: ['invite-teammate'], changed: ['five-tasks'] })
    expect(diff.levels).toEqual({ added: [], removed: [], changed: ['getting-started'] })
    expect(diff.badges).toEqual({ added: [], removed: [], changed: [] })
  })

  it('treats the first version as everything added, and an identical program as no change', () => {
    expect(diffPrograms(undefined, demoProgram).badges.added).toEqual(demoProgram.badges.map((b) => b.id))
    expect(isEmptyDiff(diffPrograms(demoProgram, JSON.parse(JSON.stringify({ ...demoProgram, version: '9' }))))).toBe(true)
  })
})

describe('a program file pointing editors at its JSON Schema', () => {
  it('accepts a root $schema string and leaves it out of the program', async () => {
    const { parseProgram } = await import('../../../src/core')
    const parsed = parseProgram({ $schema: './node_modules/cairn/program.schema.json', ...demoProgram })
    expect(parsed.ok && '$schema' in parsed.program).toBe(false)
    expect(parsed.ok).toBe(true)
    expect(parseProgram({ $schema: 3, ...demoProgram })).toEqual({ ok: false, errors: [{ path: '$schema', message: 'must be a string (the URL or path of the program JSON Schema)' }] })
  })
})
