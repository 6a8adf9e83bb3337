import { describe, expect, it } from 'vitest'
import { evaluate, type Program } from '../../../src/core'
import { at, event, milestone, program, subject } from './fixtures'

const base = program([
  milestone('setup', { kind: 'count', event: 'project_created', atLeast: 1 }),
  milestone('invite', { kind: 'count', event: 'teammate_invited', atLeast: 1 }, { category: 'growth', priority: 5 }),
  milestone('refer', { kind: 'count', event: 'referral_sent', atLeast: 1 }, { category: 'advocacy' }),
])
const suppressing: Program = {
  ...base,
  suppress: { traits: { supportCase: ['open'] }, between: [{ start: 'support_case_opened', end: 'support_case_closed' }] },
}

describe('suppression', () => {
  it('is absent when nothing matches, and progress is the same as without rules', () => {
    const list = [event('project_created', at(1))]
    expect(evaluate(suppressing, list, { now: at(2), subject: subject() })).toEqual(evaluate(base, list, { now: at(2), subject: subject() }))
  })

  it('suppresses while a trait holds a listed value, naming the trait', () => {
    const progress = evaluate(suppressing, [], { now: at(2), subject: subject({ traits: { supportCase: 'open' } }) })
    expect(progress.suppressed).toEqual({ reason: 'trait:supportCase' })
    expect(evaluate(suppressing, [], { now: at(2), subject: subject({ traits: { supportCase: 'closed' } }) }).suppressed).toBeUndefined()
  })

  it('suppresses from the start event until the end event, edges included', () => {
    const list = [event('support_case_opened', at(3)), event('support_case_closed', at(5))]
    const suppressedAt = (now: string) => evaluate(suppressing, list, { now, subject: subject() }).suppressed
    expect(suppressedAt(at(3, -0.001))).toBeUndefined()
    expect(suppressedAt(at(3))).toEqual({ reason: 'between:support_case_opened' })
    expect(suppressedAt(at(5, -0.001))).toEqual({ reason: 'between:support_case_opened' })
    expect(suppressedAt(at(5))).toBeUndefined()
  })

  it('reopens with a later start and reads account-wide start and end events', () => {
    const list = [
      event('support_case_opened', at(1)),
      event('support_case_closed', at(2), { userId: 'u2' }),
      event('support_case_opened', at(4), { userId: 'u2' }),
    ]
    const suppressedAt = (now: string) => evaluate(suppressing, list, { now, subject: subject() }).suppressed
    expect(suppressedAt(at(3))).toBeUndefined()
    expect(suppressedAt(at(4))).toEqual({ reason: 'between:support_case_opened' })
  })

  it('keeps computing progress but drops upsell (growth, advocacy) next steps while suppressed', () => {
    const list = [event('project_created', at(1)), event('support_case_opened', at(2))]
    const quiet = evaluate(suppressing, list, { now: at(3), subject: subject() })
    const normal = evaluate(base, list, { now: at(3), subject: subject() })
    expect(quiet.milestones).toEqual(normal.milestones)
    expect(normal.nextSteps.map((s) => s.milestoneId)).toEqual(['invite', 'refer'])
    expect(quiet.nextSteps).toEqual([])
  })
})
