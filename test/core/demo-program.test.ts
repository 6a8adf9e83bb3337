import { describe, expect, it } from 'vitest'
import { demoProgram, demoProgramSource, isSafeHref, localizeProgram, parseProgram, programLocales, type Criterion } from '../../src/core'

const milestone = (id: string) => {
  const found = demoProgram.milestones.find((m) => m.id === id)
  if (!found) throw new Error(`demo program has no milestone "${id}"`)
  return found
}

describe('the Taskly demo program', () => {
  it('passes parseProgram unchanged, as written and resolved to English', () => {
    expect(parseProgram(demoProgramSource)).toEqual({ ok: true, program: demoProgram, source: demoProgramSource })
    expect(parseProgram(demoProgram)).toEqual({ ok: true, program: demoProgram, source: demoProgram })
  })

  it('ships every text in English and German', () => {
    expect(programLocales(demoProgramSource)).toEqual(['en', 'de'])
    const german = localizeProgram(demoProgramSource, 'de')
    const english = (locale: string) => JSON.stringify(localizeProgram(demoProgramSource, locale))
    expect(english('en')).toBe(JSON.stringify(demoProgram))
    // Every text differs between the two languages: nothing was left untranslated.
    const texts = (p: typeof demoProgram) => [
      p.title,
      ...p.milestones.flatMap((m) => [m.title, m.description, m.cta?.label]),
      ...p.levels.flatMap((l) => [l.title, l.unlocks?.message]),
      ...p.badges.flatMap((b) => [b.title, b.description]),
    ].filter((t): t is string => t !== undefined)
    const de = texts(german)
    const en = texts(demoProgram)
    expect(de).toHaveLength(en.length)
    const same = en.filter((text, i) => text === de[i])
    expect(same).toEqual([])
  })

  it('is identified as taskly-onboarding version 1 with plan-segmented benchmarks', () => {
    expect(demoProgram).toMatchObject({ id: 'taskly-onboarding', version: '1', benchmarks: { segmentBy: ['plan'], minCohort: 10 } })
  })

  it('has the three levels in order, each with its milestones, badge and labelled features (DESIGN §7.9)', () => {
    expect(demoProgram.levels.map((l) => [l.id, l.title, l.milestones, l.unlocks?.badge, l.unlocks?.features])).toEqual([
      ['getting-started', 'Getting started', ['first-project', 'five-tasks', 'invite-teammate'], 'organized', [{ id: 'templates', label: 'Project templates' }]],
      ['building-momentum', 'Building momentum', ['ten-tasks-done', 'three-projects', 'three-features'], 'productive', [{ id: 'advanced-features', label: 'Advanced features' }]],
      ['power-user', 'Power user', ['automate-workflow', 'generate-report', 'integrate-tool'], 'power-user', [{ id: 'priority-support', label: 'Priority support' }]],
    ])
    expect(demoProgram.badges.map((b) => [b.id, b.title])).toEqual([
      ['organized', 'Organized'],
      ['productive', 'Productive'],
      ['power-user', 'Power User'],
    ])
  })

  it('uses every criterion kind the brief lists, with the agreed thresholds', () => {
    const criteria: Record<string, Criterion> = Object.fromEntries(demoProgram.milestones.map((m) => [m.id, m.criterion]))
    expect(criteria).toMatchObject({
      'first-project': { kind: 'count', event: 'project_created', atLeast: 1 },
      'five-tasks': { kind: 'count', event: 'task_added', atLeast: 5 },
      'invite-teammate': { kind: 'count', event: 'teammate_invited', atLeast: 1 },
      'ten-tasks-done': { kind: 'count', event: 'task_completed', atLeast: 10 },
      'three-projects': { kind: 'count', event: 'project_created', atLeast: 3 },
      'three-features': { kind: 'distinct', event: 'feature_used', property: 'feature', atLeast: 3 },
      'automate-workflow': { kind: 'count', event: 'workflow_automated', atLeast: 1 },
      'generate-report': { kind: 'count', event: 'report_generated', atLeast: 1 },
      'integrate-tool': { kind: 'count', event: 'integration_connected', atLeast: 1 },
      'seven-day-habit': { kind: 'days', event: 'logged_in', atLeast: 7 },
      'tasks-sprint': { kind: 'count', event: 'task_completed', atLeast: 3, within: { days: 7 } },
      'three-active-teammates': { kind: 'distinct', event: 'logged_in', property: 'userId', atLeast: 3 },
      'time-saved': { kind: 'count', event: 'task_completed', atLeast: 50 },
      'finish-setup': {
        kind: 'all',
        of: [
          { kind: 'count', event: 'project_created', atLeast: 1 },
          { kind: 'count', event: 'task_added', atLeast: 5 },
          { kind: 'count', event: 'teammate_invited', atLeast: 1 },
        ],
      },
      'thirty-days': { kind: 'tenure', days: 30 },
      'one-year': { kind: 'tenure', days: 365 },
    })
    expect(Object.keys(criteria)).toHaveLength(16)
  })

  it('watches for inactivity and pauses celebrations during a support case', () => {
    expect(demoProgram.signals?.find((s) => s.id === 'went-quiet')?.criterion).toEqual({ kind: 'inactive', days: 14 })
    expect(demoProgram.suppress).toEqual({ traits: { supportCase: ['open'] }, between: [{ start: 'support_case_opened', end: 'support_case_closed' }] })
  })

  it('marks feature use as trackable from the browser and nothing else', () => {
    expect(demoProgram.milestones.filter((m) => m.clientTrackable).map((m) => m.id)).toEqual(['three-features'])
  })

  it('counts active teammates per account, only on team and business plans', () => {
    expect(milestone('three-active-teammates')).toMatchObject({ unit: 'account', eligibility: { traits: { plan: ['team', 'business'] } } })
  })

  it('values completed tasks at 12 minutes and 60 USD an hour', () => {
    expect(milestone('time-saved').value).toEqual({ minutesSavedPerUnit: 12, hourlyRate: 60, currency: 'USD' })
  })

  it('gives finishing setup a 7-day deadline and a modal celebration', () => {
    expect(milestone('finish-setup')).toMatchObject({ deadline: { days: 7 }, celebrate: 'modal' })
  })

  it('puts the seven-day habit in the habit category', () => {
    expect(milestone('seven-day-habit').category).toBe('habit')
  })

  it('offers "Try automations" on the automation milestone', () => {
    expect(milestone('automate-workflow').cta).toEqual({ label: 'Try automations', href: '/automations' })
  })

  it('links every call to action to a relative URL', () => {
    const ctas = demoProgram.milestones.flatMap((m) => (m.cta ? [m.cta] : []))
    expect(ctas.length).toBeGreaterThanOrEqual(5)
    for (const cta of ctas) {
      expect(cta.href).toMatch(/^\/[a-z]/)
      expect(isSafeHref(cta.href)).toBe(true)
    }
  })

  it('describes every milestone to the person doing it', () => {
    for (const m of demoProgram.milestones) expect(m.description, m.id).toMatch(/\S/)
  })
})
