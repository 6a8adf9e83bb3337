import { describe, expect, it } from 'vitest'
import {
  MAX_SEPARATE_TOASTS,
  MODAL_COOLDOWN_MS,
  celebrationsBetween,
  demoProgram,
  planCelebrations,
  saidByDialog,
  sortCelebrations,
  type Celebration,
  type Criterion,
  type Program,
  type Progress,
} from '../../src/core'

const T0 = Date.parse('2026-03-02T09:00:00.000Z')
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString()

function targetOf(criterion: Criterion): number {
  if (criterion.kind === 'all' || criterion.kind === 'any') return criterion.of.length
  return criterion.kind === 'tenure' ? criterion.days : criterion.atLeast
}

/** A Progress literal for `program`: the listed milestones achieved, the listed levels complete, the listed badges earned. */
function progressOf(
  program: Program,
  spec: { achieved?: Record<string, string>; complete?: string[]; badges?: Record<string, string> } = {},
): Progress {
  const achieved = spec.achieved ?? {}
  const complete = new Set(spec.complete ?? [])
  const firstOpen = program.levels.findIndex((l) => !complete.has(l.id))
  return {
    programId: program.id,
    programVersion: program.version,
    evaluatedAt: at(60),
    milestones: Object.fromEntries(
      program.milestones.map((m) => {
        const target = targetOf(m.criterion)
        const achievedAt = achieved[m.id]
        return [m.id, achievedAt ? { state: 'achieved', current: target, target, achievedAt } : { state: 'available', current: 0, target }]
      }),
    ),
    levels: program.levels.map((l, i) => ({
      id: l.id,
      state: complete.has(l.id) ? 'complete' : i === firstOpen ? 'active' : 'locked',
      completed: l.milestones.filter((id) => achieved[id]).length,
      total: l.milestones.length,
    })),
    badges: Object.entries(spec.badges ?? {}).map(([id, earnedAt]) => ({ id, earnedAt })),
    unlockedFeatures: [],
    nextSteps: [],
  }
}

const gettingStartedDone = {
  achieved: { 'first-project': at(1), 'five-tasks': at(5), 'invite-teammate': at(9) },
  complete: ['getting-started'],
  badges: { organized: at(9) },
}

function celebration(overrides: Partial<Celebration> & Pick<Celebration, 'kind' | 'refId'>): Celebration {
  return { id: `${overrides.kind}:${overrides.refId}`, title: overrides.refId, style: 'toast', priority: 0, achievedAt: at(0), ...overrides }
}

describe('celebrationsBetween', () => {
  it('celebrates a newly achieved milestone with its title, style and priority', () => {
    const after = progressOf(demoProgram, { achieved: { 'first-project': at(1) } })
    expect(celebrationsBetween(demoProgram, null, after)).toEqual([
      { id: 'milestone:first-project', kind: 'milestone', refId: 'first-project', title: 'Create your first project', style: 'toast', priority: 30, achievedAt: at(1) },
    ])
  })

  it('never repeats an achievement already in the earlier snapshot', () => {
    const before = progressOf(demoProgram, { achieved: { 'first-project': at(1) } })
    const after = progressOf(demoProgram, { achieved: { 'first-project': at(1), 'five-tasks': at(5) } })
    expect(celebrationsBetween(demoProgram, before, after).map((c) => c.id)).toEqual(['milestone:five-tasks'])
    expect(celebrationsBetween(demoProgram, after, after)).toEqual([])
  })

  it('does not re-celebrate a milestone that was achieved, turned ineligible and came back', () => {
    const before = progressOf(demoProgram)
    before.milestones['three-active-teammates'] = { state: 'ineligible', current: 3, target: 3, achievedAt: at(2) }
    const after = progressOf(demoProgram, { achieved: { 'three-active-teammates': at(2) } })
    expect(celebrationsBetween(demoProgram, before, after)).toEqual([])
  })

  it('celebrates a completed level with confetti and its unlock message, then its badge, then its milestones', () => {
    const after = progressOf(demoProgram, gettingStartedDone)
    const found = celebrationsBetween(demoProgram, null, after)
    expect(found.map((c) => c.id)).toEqual([
      'level:getting-started',
      'badge:organized',
      'milestone:first-project',
      'milestone:five-tasks',
      'milestone:invite-teammate',
    ])
    expect(found[0]).toEqual({
      id: 'level:getting-started',
      kind: 'level',
      refId: 'getting-started',
      title: 'Getting started',
      style: 'confetti',
      priority: 0,
      achievedAt: at(9),
      message: demoProgram.levels[0]?.unlocks?.message,
    })
    expect(found[1]).toMatchObject({ kind: 'badge', refId: 'organized', title: 'Organized', style: 'toast', achievedAt: at(9) })
  })

  it('dates a level without a badge at its last milestone', () => {
    const program: Program = {
      ...demoProgram,
      levels: [{ id: 'plain', title: 'Plain', milestones: ['first-project', 'five-tasks'] }],
      badges: [],
    }
    const after = progressOf(program, { achieved: { 'first-project': at(3), 'five-tasks': at(7) }, complete: ['plain'] })
    expect(celebrationsBetween(program, null, after)[0]).toMatchObject({ id: 'level:plain', achievedAt: at(7) })
  })

  it('uses the milestone celebrate style, toast by default, and keeps silent ones so they can be acknowledged', () => {
    const program: Program = {
      ...demoProgram,
      milestones: demoProgram.milestones.map((m) =>
        m.id === 'first-project' ? { ...m, celebrate: undefined } : m.id === 'five-tasks' ? { ...m, celebrate: 'none' } : m,
      ),
    }
    const after = progressOf(program, { achieved: { 'first-project': at(1), 'five-tasks': at(2), 'finish-setup': at(3) } })
    const styles = Object.fromEntries(celebrationsBetween(program, null, after).map((c) => [c.refId, c.style]))
    expect(styles).toEqual({ 'first-project': 'toast', 'five-tasks': 'none', 'finish-setup': 'modal' })
  })

  it('ignores milestones that are not achieved, even with progress', () => {
    const after = progressOf(demoProgram)
    after.milestones['five-tasks'] = { state: 'in_progress', current: 4, target: 5 }
    after.milestones['finish-setup'] = { state: 'missed', current: 2, target: 3, dueAt: at(0) }
    expect(celebrationsBetween(demoProgram, null, after)).toEqual([])
  })
})

describe('sortCelebrations', () => {
  it('puts levels before badges before milestones, then higher priority, then earlier, then by id', () => {
    const list = [
      celebration({ kind: 'milestone', refId: 'b-late', achievedAt: at(5) }),
      celebration({ kind: 'milestone', refId: 'c-early', achievedAt: at(1) }),
      celebration({ kind: 'milestone', refId: 'a-early', achievedAt: at(1) }),
      celebration({ kind: 'milestone', refId: 'important', priority: 50, achievedAt: at(9) }),
      celebration({ kind: 'badge', refId: 'badge' }),
      celebration({ kind: 'level', refId: 'level', achievedAt: at(30) }),
    ]
    const original = [...list]
    expect(sortCelebrations(list).map((c) => c.refId)).toEqual(['level', 'badge', 'important', 'a-early', 'c-early', 'b-late'])
    expect(list).toEqual(original)
  })
})

describe('planCelebrations', () => {
  const level = celebration({ kind: 'level', refId: 'getting-started', style: 'confetti', achievedAt: at(9) })
  const levelBadge = celebration({ kind: 'badge', refId: 'organized', achievedAt: at(9) })
  const setupModal = celebration({ kind: 'milestone', refId: 'finish-setup', style: 'modal', priority: 40, achievedAt: at(9) })
  const toast = (refId: string, minute = 1) => celebration({ kind: 'milestone', refId, achievedAt: at(minute) })
  const levels = demoProgram.levels
  const now = T0 + 60 * 60_000
  const justShown = { lastModalAt: now - 60_000 }

  it('exports the agreed defaults', () => {
    expect(MODAL_COOLDOWN_MS).toBe(600_000)
    expect(MAX_SEPARATE_TOASTS).toBe(2)
  })

  it('shows a level as a confetti modal when no modal has been shown yet', () => {
    expect(planCelebrations([level], {}, now)).toEqual([{ as: 'modal', celebration: level, confetti: true }])
  })

  it('shows a modal-style milestone as a modal without confetti', () => {
    expect(planCelebrations([setupModal], {}, now)).toEqual([{ as: 'modal', celebration: setupModal, confetti: false }])
  })

  it('shows one dialog at a time: the best candidate now, everything else waits until it closes', () => {
    const second = celebration({ kind: 'level', refId: 'building-momentum', style: 'confetti', achievedAt: at(20) })
    expect(planCelebrations([setupModal, second, level, toast('five-tasks')], {}, now)).toEqual([{ as: 'modal', celebration: level, confetti: true }])
  })

  it('never demotes a level-up inside the cooldown: it still gets its dialog (DESIGN §7.2)', () => {
    expect(planCelebrations([level], justShown, now)).toEqual([{ as: 'modal', celebration: level, confetti: true }])
  })

  it('never demotes a dialog-style badge inside the cooldown', () => {
    const badge = { ...levelBadge, style: 'modal' as const }
    expect(planCelebrations([badge], justShown, now)).toEqual([{ as: 'modal', celebration: badge, confetti: false }])
  })

  it('caps milestone dialogs: inside the cooldown a milestone is shown as a toast', () => {
    expect(planCelebrations([setupModal], { lastModalAt: now - MODAL_COOLDOWN_MS + 1 }, now)).toEqual([{ as: 'toast', celebration: setupModal }])
  })

  it('allows the next milestone dialog once the cooldown has fully passed', () => {
    expect(planCelebrations([setupModal], { lastModalAt: now - MODAL_COOLDOWN_MS }, now)[0]?.as).toBe('modal')
  })

  it('honours a custom cooldown', () => {
    expect(planCelebrations([setupModal], { lastModalAt: now - 1_000 }, now, { modalCooldownMs: 1_000 })[0]?.as).toBe('modal')
    expect(planCelebrations([setupModal], { lastModalAt: now - 999 }, now, { modalCooldownMs: 1_000 })[0]?.as).toBe('toast')
  })

  it('says what a level dialog already covers: its own steps (whenever achieved) and the badge of that instant, nothing else', () => {
    const levels = demoProgram.levels
    const ownStep = celebration({ kind: 'milestone', refId: 'five-tasks', achievedAt: at(2) })
    const nextLevelStep = celebration({ kind: 'milestone', refId: 'ten-tasks-done', achievedAt: at(8) })
    const team = celebration({ kind: 'team', refId: 'first-project', achievedAt: at(9) })
    const earlierBadge = celebration({ kind: 'badge', refId: 'productive', achievedAt: at(3) })
    expect(saidByDialog(level, [ownStep, nextLevelStep, team, earlierBadge, levelBadge], levels)).toEqual([ownStep, levelBadge])
    expect(saidByDialog(setupModal, [ownStep, levelBadge], levels)).toEqual([levelBadge])
    expect(saidByDialog(level, [ownStep], [])).toEqual([])
  })

  it('folds the badge earned with the level into the level modal and acknowledges it silently', () => {
    expect(planCelebrations([levelBadge, level], {}, now)).toEqual([
      { as: 'modal', celebration: level, confetti: true, badge: levelBadge },
      { as: 'silent', celebration: levelBadge },
    ])
  })

  it('folds a badge earned with a milestone into that milestone’s dialog', () => {
    expect(planCelebrations([levelBadge, setupModal], {}, now)).toEqual([
      { as: 'modal', celebration: setupModal, confetti: false, badge: levelBadge },
      { as: 'silent', celebration: levelBadge },
    ])
  })

  it('merges away the milestone toasts a level dialog already says, and keeps the others for later', () => {
    const list = [level, toast('invite-teammate', 9), toast('first-project'), toast('ten-tasks-done', 9)]
    expect(planCelebrations(list, {}, now, { levels })).toEqual([
      { as: 'modal', celebration: level, confetti: true },
      { as: 'silent', celebration: toast('first-project') },
      { as: 'silent', celebration: toast('invite-teammate', 9) },
    ])
  })

  it('keeps a badge earned at another moment for after the dialog', () => {
    const otherBadge = celebration({ kind: 'badge', refId: 'early-bird', achievedAt: at(2) })
    expect(planCelebrations([otherBadge, level], {}, now)).toEqual([{ as: 'modal', celebration: level, confetti: true }])
    expect(planCelebrations([otherBadge], justShown, now)).toEqual([{ as: 'toast', celebration: otherBadge }])
  })

  it('shows up to two toasts separately', () => {
    const [a, b] = [toast('first-project'), toast('five-tasks', 2)]
    expect(planCelebrations([b, a], {}, now)).toEqual([
      { as: 'toast', celebration: a },
      { as: 'toast', celebration: b },
    ])
  })

  it('merges milestone toasts beyond two into one group toast', () => {
    const list = [toast('first-project'), toast('five-tasks'), toast('invite-teammate')]
    expect(planCelebrations(list, {}, now)).toEqual([{ as: 'group', celebrations: sortCelebrations(list) }])
  })

  it('never merges a badge: caps apply to milestones only', () => {
    const badge = celebration({ kind: 'badge', refId: 'early-bird', achievedAt: at(2) })
    const list = [toast('first-project'), toast('five-tasks'), badge]
    expect(planCelebrations(list, {}, now)).toEqual([
      { as: 'toast', celebration: badge },
      { as: 'toast', celebration: toast('first-project') },
      { as: 'toast', celebration: toast('five-tasks') },
    ])
  })

  it('honours a custom toast limit', () => {
    const list = [toast('first-project'), toast('five-tasks')]
    expect(planCelebrations(list, {}, now, { maxSeparateToasts: 1 })).toEqual([{ as: 'group', celebrations: list }])
  })

  it("acknowledges style 'none' silently without counting it as a toast", () => {
    const quiet = celebration({ kind: 'milestone', refId: 'quiet', style: 'none' })
    const [a, b] = [toast('first-project'), toast('five-tasks')]
    expect(planCelebrations([quiet, a, b], {}, now)).toEqual([
      { as: 'toast', celebration: a },
      { as: 'toast', celebration: b },
      { as: 'silent', celebration: quiet },
    ])
  })

  it('plans a celebration listed twice only once', () => {
    expect(planCelebrations([toast('first-project'), toast('first-project')], {}, now)).toEqual([{ as: 'toast', celebration: toast('first-project') }])
  })

  it('returns nothing when nothing is pending', () => {
    expect(planCelebrations([], {}, now)).toEqual([])
  })
})
